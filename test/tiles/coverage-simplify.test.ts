import { describe, expect, it } from '@jest/globals';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { simplifyCoverage } from '../../server/tiles/coverage-simplify.js';

/**
 * Two units side by side whose common boundary zig-zags (wiggles of 0.001°, far under the tolerance),
 * plus one unit enclosed in the left one (an enclave, like a town inside its rural gmina).
 */
const wiggle = (i: number) => [10 + (i % 2 ? 0.001 : -0.001) * ((i * 7) % 5) / 4, 50 + i * 0.01] as Position;
const border = Array.from({ length: 51 }, (_, i) => wiggle(i));
const enclave: Position[] = [[9.5, 50.2], [9.6, 50.2], [9.6, 50.3], [9.55, 50.301], [9.5, 50.3], [9.5, 50.2]];
const left: Position[] = [[9, 50], ...border, [9, 50.5], [9, 50]];
const right: Position[] = [[11, 50], [11, 50.5], ...[...border].reverse(), [11, 50]];
const unit = (id: string, rings: Position[][]): Feature => ({ type: 'Feature', id, properties: { id }, geometry: { type: 'Polygon', coordinates: rings } });
const collection: FeatureCollection = {
  type: 'FeatureCollection',
  features: [unit('left', [left, [...enclave].reverse()]), unit('right', [right]), unit('enclave', [enclave])],
};

const ringsOf = (c: FeatureCollection, id: string) => (c.features.find((f) => f.id === id)!.geometry as MultiPolygon).coordinates[0]!;
const key = (p: Position) => `${p[0]},${p[1]}`;
/** The vertices of `ring` that lie on the common border, as keys. */
const onBorder = (ring: Position[]) => new Set(ring.map(key).filter((k) => border.some((b) => key(b) === k)));

describe('simplifyCoverage', () => {
  // About a pixel of a 512-pixel tile at zoom 5, in Web Mercator world units.
  const tolerance = 1 / (512 * 2 ** 5);
  const simplified = simplifyCoverage(collection, tolerance);

  it('drops vertices the tolerance does not need', () => {
    const before = left.length + right.length;
    const after = ringsOf(simplified, 'left')[0]!.length + ringsOf(simplified, 'right')[0]!.length;
    expect(after).toBeLessThan(before / 4);
  });

  it('keeps the same vertices of a common boundary on both sides, whichever way each ring runs along it', () => {
    const [l, r] = [onBorder(ringsOf(simplified, 'left')[0]!), onBorder(ringsOf(simplified, 'right')[0]!)];
    expect(l.size).toBeGreaterThanOrEqual(2);
    expect([...l].sort()).toEqual([...r].sort());
  });

  it("simplifies an enclave and its neighbour's hole alike", () => {
    const hole = ringsOf(simplified, 'left')[1];
    const island = ringsOf(simplified, 'enclave')[0]!;
    expect(hole).toBeDefined();
    expect(new Set(hole!.map(key))).toEqual(new Set(island.map(key)));
  });

  it('keeps every vertex at a tolerance of zero, and each stored position as it was', () => {
    const same = simplifyCoverage(collection, 0);
    expect(ringsOf(same, 'left')[0]!.length).toBe(left.length);
    for (const p of ringsOf(simplified, 'right')[0]!) expect([...right, ...border].some((q) => key(q) === key(p))).toBe(true);
  });

  it('keeps a unit smaller than the tolerance as stored rather than drop it', () => {
    const tiny = simplifyCoverage(collection, 1);
    expect(tiny.features.map((f) => f.id)).toEqual(['left', 'right', 'enclave']);
  });
});

import { describe, expect, it } from '@jest/globals';
import { stringifyYielding } from '../../server/graphql/stringify.js';

describe('JSON written in slices', () => {
  const ring = Array.from({ length: 40 }, (_, i) => [14 + i / 100, 50 + i / 100]);
  const features = Array.from({ length: 3_000 }, (_, i) => ({
    type: 'Feature',
    id: String(i).padStart(7, '0'),
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
    properties: { name: 'Łódź "Bałuty"\n', partnerships: [], parent: null, skipped: undefined },
  }));
  const values: [string, unknown][] = [
    ['a boundary layer', { data: { jstFeatures: { type: 'FeatureCollection', features } } }],
    ['what JSON.stringify leaves out or turns to null', { a: undefined, b: () => 1, c: [undefined, () => 1, NaN, ...Array(40).fill(Symbol('s'))], d: new Date(0), e: { toJSON: () => 'x' } }],
    ['plain values', [1, 'two', null, true, { nested: { deep: [[], {}] } }]],
  ];

  it.each(values)('writes %s exactly as JSON.stringify does', async (_name, value) => {
    expect(await stringifyYielding(value)).toBe(JSON.stringify(value));
  });

  it('answers a short value at once, without a promise or a turn of the event loop', () => {
    const small = { data: { __typename: 'Query', list: Array.from({ length: 40 }, (_, i) => ({ i })) } };
    const written = stringifyYielding(small);
    expect(typeof written).toBe('string');
    expect(written).toBe(JSON.stringify(small));
  });

  it('lets other work run while it writes megabytes', async () => {
    let turns = 0;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const text = await stringifyYielding(values[0]![1]);
    done = true;
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(turns).toBeGreaterThan(10);
  });
});

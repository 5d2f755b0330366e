import { describe, expect, it } from '@jest/globals';
import { testBackends } from '../support/database.js';
import { tileAt, tileFeatures, useTileServer, type DecodedFeature } from './tile-support.js';

const backends = testBackends();
const both = backends.length === 2;
if (!both) console.log('[atlas] tile-backends-agree: SKIPPED, TEST_DATABASE_URL is not set (the embedded database alone has nothing to agree with)');

/** Tiles over Kraków, Wrocław, Warsaw and Gdańsk at z5, z8 and z12 (lng, lat). */
const PLACES: [number, number][] = [
  [19.94, 50.06],
  [17.03, 51.11],
  [21.01, 52.23],
  [18.65, 54.35],
];
const TILES = PLACES.flatMap(([lng, lat]) => [5, 8, 12].map((z) => tileAt(lng, lat, z)));
const LAYERS = ['wojewodztwa', 'powiaty', 'gminy', 'areas', 'labels'];

/** Every vertex of `a` within `units` tile units of a vertex of `b`, ring by ring (rings may start at another vertex). */
function closeGeometry(a: DecodedFeature, b: DecodedFeature, units: number): boolean {
  if (a.geometry.length !== b.geometry.length) return false;
  return a.geometry.every((ring, i) => ring.every((p) => b.geometry[i]!.some((q) => Math.abs(p.x - q.x) <= units && Math.abs(p.y - q.y) <= units)));
}

(both ? describe : describe.skip)('vector tiles from the embedded and the server backend', () => {
  const servers = backends.map((b) => useTileServer(b.database));

  it.each(LAYERS)('decode to the same %s features: ids, properties, geometry within one tile unit', async (layer) => {
    for (const { z, x, y } of TILES) {
      const [embedded, server] = await Promise.all(servers.map((s) => tileFeatures(s, layer, z, x, y)));
      const key = (f: DecodedFeature) => `${f.id ?? ''}:${JSON.stringify(f.properties)}`;
      expect(embedded!.map(key).sort()).toEqual(server!.map(key).sort());
      const byKey = new Map(server!.map((f) => [key(f), f]));
      for (const feature of embedded!) {
        const other = byKey.get(key(feature))!;
        expect(feature.type).toBe(other.type);
        if (!closeGeometry(feature, other, 1) || !closeGeometry(other, feature, 1)) throw new Error(`${layer} ${z}/${x}/${y}: feature ${key(feature)} differs between the backends`);
      }
    }
  });
});

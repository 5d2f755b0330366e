import { describe, expect, it } from '@jest/globals';
import { query } from '../../server/db/sql.js';
import { testBackends } from '../support/database.js';
import { fetchPath, geojsonFeatures, labelPoint, tileAt, useTileServer, type TileServer } from './tile-support.js';

/** Tile z/x/y's features of `layer` as one GeoJSON GeometryCollection text (lng,lat degrees). */
async function tileCollection(server: TileServer, layer: string, z: number, x: number, y: number, id?: number): Promise<string> {
  const body = (await fetchPath(server, `/tiles/${layer}/${z}/${x}/${y}.mvt`)).body;
  const features = geojsonFeatures(body, layer, z, x, y).filter((f) => id === undefined || f.id === id);
  expect(features.length).toBeGreaterThan(0);
  return JSON.stringify({ type: 'GeometryCollection', geometries: features.map((f) => f.geometry) });
}

/**
 * In Web Mercator metres: the tile's envelope, the size of one tile unit (1/4096 of its side), and
 * the decoded geometry `$decoded` made valid, unioned and clipped to the tile.
 */
const IN_TILE = `with t as (select ST_TileEnvelope(?, ?, ?) as env),
  u as (select env, (ST_XMax(env) - ST_XMin(env)) / 4096 as unit from t),
  d as (select ST_Intersection(ST_UnaryUnion(ST_CollectionExtract(ST_MakeValid(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), 3857)), 3)), env) as g from u)`;

describe.each(testBackends())('vector tile geometry ($name)', ({ database }) => {
  const server = useTileServer(database);

  it("keeps a gmina's stored boundary at z12, every vertex, within the tile's precision (one tile unit)", async () => {
    // The stored boundaries are coarse (vertices about a kilometre apart, each one significant): a vertex
    // every ~40 m along Kraków's boundary, on its lines, is what any simplification would drop first.
    await query(server.db.em(), `update jst set boundary = ST_Multi(ST_Segmentize(boundary, 0.0005)) where teryt = '1261011'`);
    // The z12 tile that holds the most vertices of Kraków's boundary.
    const [densest] = await query<{ x: number; y: number }>(
      server.db.em(),
      `select x, y from (select floor((ST_X(p) + 180) / 360 * 4096)::int as x,
                                floor((1 - ln(tan(radians(ST_Y(p))) + 1 / cos(radians(ST_Y(p)))) / pi()) / 2 * 4096)::int as y
                         from (select (ST_DumpPoints(boundary)).geom as p from jst where teryt = '1261011') v) t
       group by x, y order by count(*) desc, x, y limit 1`,
    );
    const [z, x, y] = [12, densest!.x, densest!.y];
    const decoded = await tileCollection(server, 'gminy', z, x, y, 1261011);
    const [row] = await query<{ hausdorff: number; unit: number; difference: number; area: number; vertices: number; farthest: number }>(
      server.db.em(),
      `${IN_TILE}, s as (select ST_Transform(boundary, 3857) as g from jst where teryt = '1261011'),
       v as (select (ST_DumpPoints(s.g)).geom as p from s)
       select ST_HausdorffDistance(d.g, ST_Intersection(s.g, u.env)) as hausdorff, u.unit,
              ST_Area(ST_SymDifference(d.g, ST_Intersection(s.g, u.env))) as difference, ST_Area(ST_Intersection(s.g, u.env)) as area,
              (select count(*)::int from v where ST_Within(v.p, u.env)) as vertices,
              (select max(ST_Distance(v.p, ST_Points(d.g))) from v where ST_Within(v.p, u.env)) as farthest
       from d, s, u`,
      [z, x, y, decoded],
    );
    // Rounding to whole tile units moves a vertex by at most half a unit on each axis.
    expect(row!.hausdorff).toBeLessThanOrEqual(row!.unit);
    expect(row!.difference / row!.area).toBeLessThan(0.001);
    // Full detail: each stored vertex in the tile is still a vertex of the tile's geometry.
    expect(row!.vertices).toBeGreaterThan(50);
    expect(row!.farthest).toBeLessThanOrEqual(row!.unit);
  });

  it.each([5, 6, 7, 8, 10])('leaves no visible gap between neighbouring gminy at z%i (none a pixel wide)', async (z) => {
    const [lng, lat] = await labelPoint(server, '1261011');
    const { x, y } = tileAt(lng, lat, z);
    const decoded = await tileCollection(server, 'gminy', z, x, y);
    const [row] = await query<{ widest_gap_empty: boolean; gap_area: number; area: number }>(
      server.db.em(),
      // The stored gminy, shrunk by 16 units so the country's outer border (simplified on one side only) is left out.
      `${IN_TILE}, m as (select ST_Union(ST_Transform(boundary, 3857)) as g from jst, t where level = 'MUNICIPALITY' and boundary && ST_Transform(t.env, 4326)),
       s as (select ST_Intersection(ST_Buffer(m.g, -16 * u.unit), u.env) as g from m, u),
       gaps as (select ST_Difference(s.g, d.g) as g from s, d)
       -- A gap one pixel wide (8 units of a 512-pixel tile) would survive shrinking by 4 units.
       select ST_IsEmpty(ST_Buffer(gaps.g, -4 * u.unit)) as widest_gap_empty, ST_Area(gaps.g) as gap_area, ST_Area(s.g) as area from gaps, s, u`,
      [z, x, y, decoded],
    );
    expect(row!.widest_gap_empty).toBe(true);
    expect(row!.gap_area / row!.area).toBeLessThan(0.001);
  });
});

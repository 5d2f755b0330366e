import { openOrm, type Em } from '../../server/db/orm.js';
import { membershipCountsSql, today } from '../../server/time/as-of.js';
import { fmt, timed } from './measure.js';

/**
 * Vector tiles in `npm run bench`: tiles/s of the atlas's /tiles/gminy route for a fixed set of
 * z5–z12 tiles, cold (just after a write, so the layer is read and cut afresh) and cached, ÷ raw
 * `ST_AsMVT` of the same tiles (same features and properties) on the PostGIS server, run by the
 * bench itself through the ORM's pg pool, with the same concurrency. ST_AsMVT needs protobuf, which only
 * the server's PostGIS has: the embedded backend's figures are divided by the same server baseline.
 */

/** Places over Poland, dense (cities and their suburbs) and sparse (lng, lat). */
const PLACES: [number, number][] = [
  [19.94, 50.06], // Kraków
  [21.01, 52.23], // Warszawa
  [18.65, 54.35], // Gdańsk
  [17.03, 51.11], // Wrocław
  [19.02, 50.26], // Katowice
  [16.93, 52.41], // Poznań
  [22.57, 51.25], // Lublin
  [23.16, 53.13], // Białystok
];
const ZOOMS = [5, 7, 9, 10, 12];
/** Requests in flight at once, for the atlas and the raw SQL alike. */
const CONCURRENCY = 4;
/** Rounds of the whole set when cached and raw (each is timed; the best is kept, as the machine is shared). */
const ROUNDS = 5;

export interface Tile {
  z: number;
  x: number;
  y: number;
}

function tileAt(lng: number, lat: number, z: number): Tile {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

/** The fixed tile set: every place at every zoom, without repeats (places share their z5 tiles). */
export const BENCH_TILES: Tile[] = [...new Map(PLACES.flatMap(([lng, lat]) => ZOOMS.map((z) => tileAt(lng, lat, z))).map((t) => [`${t.z}/${t.x}/${t.y}`, t])).values()];

/** The gminy tile as ST_AsMVT makes it: the same features and properties as /tiles/gminy, clipped with the same buffer. */
const RAW_MVT = `
  with b as (select ST_TileEnvelope(?, ?, ?) as env, ST_TileEnvelope(?, ?, ?, margin => 64.0 / 4096) as wide),
  g as (select j.teryt, j.name, j.kind, j.parent_teryt, j.boundary from jst j, b where j.level = 'MUNICIPALITY' and j.boundary && ST_Transform(b.wide, 4326)),
  m as (select m.jst_teryt as teryt, p.slug, pr.code, pa.status from membership m join partnership p on p.id = m.partnership_id
        left join participation pa on pa.partnership_id = p.id left join programme pr on pr.id = pa.programme_id where ${membershipCountsSql('m', today())}),
  props as (select g.teryt, coalesce(string_agg(distinct m.slug, ',' order by m.slug), '') as partnerships, count(distinct m.slug)::int as count,
              coalesce(string_agg(distinct m.code, ',' order by m.code), '') as programmes, coalesce(string_agg(distinct m.status, ',' order by m.status), '') as statuses
            from g left join m on m.teryt in (g.teryt, g.parent_teryt) group by g.teryt)
  select ST_AsMVT(t, 'gminy', 4096, 'geom', 'id') as tile from (
    select g.teryt::int as id, g.teryt, g.name, g.kind, coalesce(g.parent_teryt, '') as parent, props.partnerships, props.count, props.programmes, props.statuses,
      ST_AsMVTGeom(ST_Transform(g.boundary, 3857), b.env, 4096, 64, true) as geom
    from g join props on props.teryt = g.teryt, b) t where geom is not null`;

/** Runs `task` over every tile, `CONCURRENCY` at a time; tiles per second. */
async function tilesPerSecond(task: (tile: Tile) => Promise<unknown>): Promise<number> {
  let next = 0;
  const { ms } = await timed(() =>
    Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < BENCH_TILES.length) await task(BENCH_TILES[next++]!);
      }),
    ),
  );
  return (BENCH_TILES.length * 1000) / ms;
}

async function best(task: (tile: Tile) => Promise<unknown>): Promise<number> {
  let top = 0;
  for (let round = 0; round < ROUNDS; round++) top = Math.max(top, await tilesPerSecond(task));
  return top;
}

/** One tile from the atlas, uncompressed (as ST_AsMVT's bytes are), read to the end. */
async function fetchTile(appUrl: string, { z, x, y }: Tile): Promise<void> {
  const response = await fetch(`${appUrl}/tiles/gminy/${z}/${x}/${y}.mvt`, { headers: { 'accept-encoding': 'identity' } });
  if (response.status !== 200 && response.status !== 204) throw new Error(`tile ${z}/${x}/${y}: ${response.status}`);
  await response.arrayBuffer();
}

/** Tiles/s of the atlas on one backend: cold right after a write (run through `write`), then cached. */
export async function atlasTileRates(appUrl: string, write: () => Promise<void>): Promise<{ cold: number; cached: number }> {
  await write();
  const cold = await tilesPerSecond((tile) => fetchTile(appUrl, tile));
  const cached = await best((tile) => fetchTile(appUrl, tile));
  return { cold, cached };
}

/** Tiles/s of raw ST_AsMVT on the PostGIS server database at `databaseUrl`, the same tiles, the same concurrency. */
export async function rawMvtRate(databaseUrl: string): Promise<number> {
  // The ORM's own pg pool, as the atlas's server backend uses it.
  const orm = await openOrm({ kind: 'postgresql', url: databaseUrl });
  try {
    const connection = orm.em.getConnection();
    return await best(({ z, x, y }) => connection.execute(RAW_MVT, [z, x, y, z, x, y]));
  } finally {
    await orm.close();
  }
}

/** The bench's lines for one backend's tile rates against the raw ST_AsMVT baseline. */
export function tileLines(name: string, rates: { cold: number; cached: number }, raw: number): string[] {
  const ratio = rates.cached / raw;
  return [
    `vector tiles (${BENCH_TILES.length} gminy tiles, z${ZOOMS[0]}–z${ZOOMS[ZOOMS.length - 1]}, ${CONCURRENCY} at a time), ${name}`,
    `  cold (after a write) ${rates.cold.toFixed(0)} tiles/s ÷ raw ST_AsMVT ${raw.toFixed(0)} tiles/s = ${(rates.cold / raw).toFixed(2)}`,
    `  cached ${rates.cached.toFixed(0)} tiles/s ÷ raw ST_AsMVT ${raw.toFixed(0)} tiles/s = ${ratio.toFixed(2)} (goal ≥ 1.0) ${ratio >= 1 ? 'PASS' : 'FAIL'}`,
    `  (one raw ST_AsMVT round of the set: ${fmt((BENCH_TILES.length * 1000) / raw)})`,
  ];
}

/** A write that changes nothing but moves the dataset version (so every tile is cut afresh). */
async function touch(em: Em): Promise<void> {
  await em.getConnection().execute(`update programme set name = name where id = (select min(id) from programme)`);
}

/**
 * The bench's hook: the embedded backend's rates are kept until the server run, whose database
 * holds the same data and gives the ST_AsMVT baseline both are divided by.
 */
export class TileBench {
  private embedded: { cold: number; cached: number } | null = null;

  async onEmbedded(appUrl: string, em: Em): Promise<string[]> {
    this.embedded = await atlasTileRates(appUrl, () => touch(em));
    const { cold, cached } = this.embedded;
    return [`vector tiles (${BENCH_TILES.length} gminy tiles): cold ${cold.toFixed(0)} tiles/s, cached ${cached.toFixed(0)} tiles/s (÷ ST_AsMVT: in the server section)`];
  }

  async onServer(appUrl: string, em: Em, databaseUrl: string): Promise<string[]> {
    const server = await atlasTileRates(appUrl, () => touch(em));
    const raw = await rawMvtRate(databaseUrl);
    return [...(this.embedded ? tileLines('embedded backend', this.embedded, raw) : []), ...tileLines('server backend', server, raw)];
  }
}

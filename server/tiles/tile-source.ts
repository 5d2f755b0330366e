import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { JstLevel } from '../jst/jst-kind.js';
import { today } from '../time/as-of.js';
import { memberAreaSql } from '../time/scope.js';
import type { TileLayerName } from './tile-layers.js';
import { tileAreaMemberSql, tileAreaPartnershipSql, tileMemberSql, tilePartnershipSql, todayTile, type TileTime } from './tile-time.js';

/**
 * Reads what the tiles are cut from: every feature of a layer, as GeoJSON in EPSG:4326 (lng,lat
 * degrees) with the layer's properties, in the tile's time (tile-time.ts): memberships that count on
 * the day (membershipCountsSql) or in a programme's period, partnerships running then. Today's
 * functional areas are the stored ones; another time's are the union of the members then.
 */

/** Rows per statement: the embedded database has one connection, and a whole layer in one statement would hold it (and the event loop) for a second. */
const BATCH = 200;
/** Decimal digits of the coordinates read: 1e-7° is about 1 cm, finer than a tile unit at zoom 14 (about 0.6 m in Poland). */
const DIGITS = 7;

interface PartnershipInfo {
  id: number;
  slug: string;
  name: string;
  shortName: string;
  members: number;
  programmes: string;
  statuses: string;
}

/** True for today's state, whose areas are the stored ones (kept up to date by every write). */
const isToday = (time: TileTime) => time.period === null && time.day === today();

/**
 * SQL (and parameters) of partnership `p`'s area, member count or area in the tile's time; `all`: every
 * partnership, as the areas and labels layers draw them (tileAreaMemberSql).
 */
function areaOf(time: TileTime, what: 'geom' | 'members', all = false): { sql: string; params: unknown[] } {
  if (isToday(time)) return { sql: what === 'geom' ? 'p.area' : 'p.member_count', params: [] };
  const member = all ? tileAreaMemberSql('am', time) : tileMemberSql('am', time);
  return { sql: memberAreaSql('p', member.sql, what), params: member.params };
}

/** Partnerships drawn in the tile's time, with their programme codes and statuses as sorted lists. */
async function readPartnerships(em: Em, time: TileTime, all = false): Promise<Map<number, PartnershipInfo>> {
  const [members, drawn] = [areaOf(time, 'members', all), all ? tileAreaPartnershipSql('p', time) : tilePartnershipSql('p', time)];
  const rows = await query<{ id: number; slug: string; name: string; short_name: string | null; member_count: number; programmes: string | null; statuses: string | null }>(
    em,
    `select p.id, p.slug, p.name, p.short_name, ${members.sql} as member_count,
            string_agg(distinct pr.code, ',' order by pr.code) as programmes, string_agg(distinct pa.status, ',' order by pa.status) as statuses
     from partnership p left join participation pa on pa.partnership_id = p.id left join programme pr on pr.id = pa.programme_id
     where ${drawn.sql} group by p.id`,
    [...members.params, ...drawn.params],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, slug: r.slug, name: r.name, shortName: r.short_name ?? '', members: Number(r.member_count), programmes: r.programmes ?? '', statuses: r.statuses ?? '' },
    ]),
  );
}

/** Partnership ids of each unit's memberships that count in the tile's time, by TERYT code; negative ids mark INFERRED memberships (see `inferredSlugs`). */
async function readMemberships(em: Em, time: TileTime): Promise<Map<string, number[]>> {
  const counts = tileMemberSql('m', time);
  const rows = await query<{ teryt: string; pid: number; inferred: boolean }>(
    em,
    `select m.jst_teryt as teryt, m.partnership_id as pid, m.basis = 'INFERRED' as inferred from membership m where ${counts.sql}`,
    counts.params,
  );
  const byUnit = new Map<string, number[]>();
  for (const { teryt, pid, inferred } of rows) byUnit.set(teryt, [...(byUnit.get(teryt) ?? []), inferred ? -pid : pid]);
  return byUnit;
}

/** Slugs of the partnerships among `ids` whose membership is INFERRED (negative ids), sorted and joined by ",". */
function inferredSlugs(ids: number[], partnerships: Map<number, PartnershipInfo>): string {
  return [...new Set(ids.filter((id) => id < 0).map((id) => partnerships.get(-id)?.slug).filter((s): s is string => s !== undefined))].sort().join(',');
}

/** Codes of `items`, deduplicated, sorted and joined by ",". */
const joinCodes = (items: Iterable<string>) => [...new Set([...items].flatMap((list) => (list ? list.split(',') : [])))].sort().join(',');

/** The membership properties of a unit that belongs to the partnerships `ids`. */
function membershipProperties(ids: Iterable<number>, partnerships: Map<number, PartnershipInfo>) {
  const found = [...new Set(ids)].map((id) => partnerships.get(id)).filter((p): p is PartnershipInfo => p !== undefined);
  const slugs = found.map((p) => p.slug).sort();
  return { partnerships: slugs.join(','), count: slugs.length, programmes: joinCodes(found.map((p) => p.programmes)), statuses: joinCodes(found.map((p) => p.statuses)) };
}

/** Reads rows in batches keyed by an increasing text or integer column, yielding between statements. */
async function readBatched<R extends { key: string | number }>(em: Em, sql: (after: string) => string, first: string | number, params: unknown[] = []): Promise<R[]> {
  const all: R[] = [];
  let after: string | number = first;
  for (;;) {
    const rows = await query<R>(em, sql('?'), [...params, after]);
    all.push(...rows);
    if (rows.length < BATCH) return all;
    after = rows[rows.length - 1]!.key;
    await yieldToEventLoop();
  }
}

interface UnitRow {
  key: string;
  name: string;
  kind: string;
  parent: string | null;
  geom: string;
}

const LEVEL_OF: Record<'wojewodztwa' | 'powiaty' | 'gminy', JstLevel> = { wojewodztwa: JstLevel.VOIVODESHIP, powiaty: JstLevel.COUNTY, gminy: JstLevel.MUNICIPALITY };

async function unitFeatures(em: Em, layer: keyof typeof LEVEL_OF, time: TileTime): Promise<Feature[]> {
  const level = LEVEL_OF[layer];
  const [partnerships, memberships, rows] = [
    await readPartnerships(em, time),
    await readMemberships(em, time),
    await readBatched<UnitRow>(
      em,
      (after) => `select teryt as key, name, kind, parent_teryt as parent, ST_AsGeoJSON(boundary, ${DIGITS}) as geom from jst where level = ? and teryt > ${after} order by teryt limit ${BATCH}`,
      '',
      [level],
    ),
  ];
  return rows.map((r) => {
    // A gmina takes part in what its powiat takes part in (the map colours it so).
    const ids = [...(memberships.get(r.key) ?? []), ...(level === JstLevel.MUNICIPALITY && r.parent ? (memberships.get(r.parent) ?? []) : [])];
    const properties = {
      teryt: r.key, name: r.name, kind: r.kind, parent: r.parent ?? '', ...membershipProperties(ids.map(Math.abs), partnerships), inferred: inferredSlugs(ids, partnerships),
    };
    return { type: 'Feature', id: Number(r.key), properties, geometry: JSON.parse(r.geom) as Geometry };
  });
}

/** Areas of the partnerships drawn in the tile's time (with at least one member then), as `expr` of the area (GeoJSON text), in id order. */
async function readAreas(em: Em, time: TileTime, expr: (geom: string) => string): Promise<{ id: number; geom: string }[]> {
  if (isToday(time)) {
    return readBatched<{ key: number; id: number; geom: string }>(
      em,
      (after) => `select id as key, id, ${expr('area')} as geom from partnership where archived_at is null and area is not null and member_count > 0 and id > ${after} order by id limit ${BATCH}`,
      0,
    );
  }
  // Another day or a period: a union per partnership, read at once (a few hundred partnerships), kept with the tiles of that time.
  const [geom, drawn] = [areaOf(time, 'geom', true), tileAreaPartnershipSql('p', time)];
  return query<{ id: number; geom: string }>(
    em,
    `select id, ${expr('g')} as geom from (select p.id, ${geom.sql} as g from partnership p where ${drawn.sql}) t where g is not null and not ST_IsEmpty(g) order by id`,
    [...geom.params, ...drawn.params],
  );
}

async function areaFeatures(em: Em, time: TileTime): Promise<Feature[]> {
  const partnerships = await readPartnerships(em, time, true);
  const rows = await readAreas(em, time, (g) => `ST_AsGeoJSON(${g}, ${DIGITS})`);
  return rows.flatMap((r) => {
    const p = partnerships.get(r.id);
    if (!p) return [];
    const properties = { slug: p.slug, name: p.name, short_name: p.shortName, programmes: p.programmes, status: p.statuses, members: p.members };
    return [{ type: 'Feature', id: p.id, properties, geometry: JSON.parse(r.geom) as Geometry } satisfies Feature];
  });
}

const LABEL_KIND: Record<string, string> = { VOIVODESHIP: 'wojewodztwo', COUNTY: 'powiat', MUNICIPALITY: 'gmina' };

async function labelFeatures(em: Em, time: TileTime): Promise<Feature[]> {
  const units = await readBatched<{ key: string; name: string; level: string; geom: string }>(
    em,
    (after) => `select teryt as key, name, level, ST_AsGeoJSON(ST_PointOnSurface(boundary), ${DIGITS}) as geom from jst where teryt > ${after} order by teryt limit ${BATCH}`,
    '',
  );
  const partnerships = await readPartnerships(em, time, true);
  const areas = await readAreas(em, time, (g) => `ST_AsGeoJSON(ST_PointOnSurface(${g}), ${DIGITS})`);
  const point = (kind: string, name: string, teryt: string, slug: string, geom: string): Feature => ({
    type: 'Feature',
    properties: { kind, name, teryt, slug },
    geometry: JSON.parse(geom) as Geometry,
  });
  const named = areas.flatMap((a) => (partnerships.has(a.id) ? [{ ...partnerships.get(a.id)!, geom: a.geom }] : [])).sort((a, b) => (a.slug < b.slug ? -1 : 1));
  return [...units.map((u) => point(LABEL_KIND[u.level]!, u.name, u.key, '', u.geom)), ...named.map((a) => point('partnership', a.name, '', a.slug, a.geom))];
}

/** Every feature of `layer` in the tile's time (today's state by default), lng,lat degrees. */
export async function readLayerFeatures(em: Em, layer: TileLayerName, time: TileTime = todayTile()): Promise<FeatureCollection> {
  const features = layer === 'areas' ? await areaFeatures(em, time) : layer === 'labels' ? await labelFeatures(em, time) : await unitFeatures(em, layer, time);
  return { type: 'FeatureCollection', features };
}

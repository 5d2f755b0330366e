import type { Em } from '../server/db/orm.js';
import { searchName } from '../server/shared/search-name.js';
import type { ValidUnit } from './validate-units.js';

export interface ImportReport {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Units whose geometry PostGIS found invalid and repaired with ST_MakeValid, with the reason. */
  repaired: { teryt: string; name: string; reason: string }[];
  /** Partnerships whose functional area was recomputed because a member's boundary changed. */
  partnershipsRefreshed: number;
  /** Units whose file code is a former one, stored under their current code (set by importGeodata). */
  recoded?: number;
}

const BATCH = 200;

/**
 * Writes validated units into `jst` inside the caller's transaction. Geometry work is PostGIS's:
 * transform to 4326, repair with ST_MakeValid, force MultiPolygon, area on the geography.
 * Rows whose name and geometry are unchanged are not touched, so a second run reports no change.
 */
export async function loadUnits(em: Em, units: ValidUnit[]): Promise<ImportReport> {
  const conn = em.getConnection();
  const tx = em.getTransactionContext();
  const run = <T = Record<string, unknown>[]>(sql: string, params: unknown[] = []) => conn.execute<T & object>(sql, params, 'all', tx);

  await run(`create temp table if not exists jst_import (
    teryt varchar(7) primary key, name text, search_name text, level text, kind text,
    parent_teryt varchar(7), voivodeship_teryt varchar(2), srid int, geojson text, raw geometry, geom geometry
  ) on commit drop`);
  await run(`truncate jst_import`);
  for (let i = 0; i < units.length; i += BATCH) {
    const batch = units.slice(i, i + BATCH);
    const values = batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const params = batch.flatMap((u) => [u.teryt, u.name, searchName(u.name), u.level, u.kind, u.parent, u.voivodeship, u.srid, JSON.stringify(u.geometry)]);
    await run(`insert into jst_import (teryt, name, search_name, level, kind, parent_teryt, voivodeship_teryt, srid, geojson) values ${values}`, params);
  }
  await run(`update jst_import set raw = ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(geojson), srid), 4326)`);
  const repaired = (await run<{ teryt: string; name: string; reason: string }[]>(
    `select teryt, name, ST_IsValidReason(raw) as reason from jst_import where not ST_IsValid(raw) order by teryt`,
  )) as { teryt: string; name: string; reason: string }[];
  await run(`update jst_import set geom = ST_Multi(ST_CollectionExtract(case when ST_IsValid(raw) then raw else ST_MakeValid(raw) end, 3))`);
  const empty = (await run(`select teryt from jst_import where ST_IsEmpty(geom) limit 5`)) as { teryt: string }[];
  if (empty.length) throw new Error(`geometry of ${empty.map((r) => r.teryt).join(', ')} is empty after repair`);

  const changed = (await run(`
    select i.teryt, (j.teryt is null) as is_new from jst_import i left join jst j on j.teryt = i.teryt
    where j.teryt is null or j.name <> i.name or j.kind <> i.kind or j.parent_teryt is distinct from i.parent_teryt
       or not ST_Equals(j.boundary, i.geom) or ST_NPoints(j.boundary) <> ST_NPoints(i.geom)`)) as { teryt: string; is_new: boolean }[];
  const inserted = changed.filter((r) => r.is_new).length;
  const updated = changed.length - inserted;

  if (changed.length) {
    // Parents first, so the self-reference holds after every statement.
    for (const level of ['VOIVODESHIP', 'COUNTY', 'MUNICIPALITY']) {
      await run(
        `insert into jst (teryt, name, search_name, level, kind, parent_teryt, voivodeship_teryt, boundary, area_km2)
         select i.teryt, i.name, i.search_name, i.level, i.kind, i.parent_teryt, i.voivodeship_teryt, i.geom, ST_Area(i.geom::geography) / 1e6
         from jst_import i where i.level = ? and i.teryt = any(?::text[])
         on conflict (teryt) do update set name = excluded.name, search_name = excluded.search_name, level = excluded.level,
           kind = excluded.kind, parent_teryt = excluded.parent_teryt, voivodeship_teryt = excluded.voivodeship_teryt,
           boundary = excluded.boundary, area_km2 = excluded.area_km2`,
        [level, `{${changed.map((r) => r.teryt).join(',')}}`],
      );
    }
  }
  const refreshed = updated
    ? ((await run(
        `select refresh_partnership_area(p.partnership_id) from (select distinct partnership_id from membership where jst_teryt = any(?::text[])) p`,
        [`{${changed.map((r) => r.teryt).join(',')}}`],
      )) as unknown[]).length
    : 0;
  return { inserted, updated, unchanged: units.length - changed.length, repaired, partnershipsRefreshed: refreshed };
}

import { listPage, searchCondition, type ListSource } from '../db/list-page.js';
import { query, textArray, Where } from '../db/sql.js';
import type { Em } from '../db/orm.js';
import type { GeometryOptions } from '../input/geometry-options.js';
import type { JstQuery } from '../input/jst-filter.js';
import type { Page, PageRequest } from '../input/paging.js';
import { GeoJsonText } from '../shared/geojson-text.js';
import { requireExisting } from '../shared/exists.js';
import { countsForParticipationSql } from '../programme/programme-period.js';
import { dayOf, membershipCountsSql, type Day } from '../time/as-of.js';
import { JstLevel } from './jst-kind.js';
import { Jst } from './jst.entity.js';

/** The columns `jstFromRow` reads, from a table aliased `j`; no name collides with membership's. */
export const JST_COLUMNS = `j.teryt, j.name, j.search_name, j.level, j.kind, j.parent_teryt, j.voivodeship_teryt, j.area_km2`;

/** A row of `JST_COLUMNS`, as the driver returns it. */
export interface JstRow { teryt: string; name: string; search_name: string; level: string; kind: string; parent_teryt: string | null; voivodeship_teryt: string; area_km2: number }

/** A plain object shaped like the entity (`parent` a `{ teryt }` reference), for reads only. */
export function jstFromRow(r: JstRow): Jst {
  return {
    teryt: r.teryt, name: r.name, searchName: r.search_name, level: r.level, kind: r.kind,
    parent: r.parent_teryt === null ? null : { teryt: r.parent_teryt }, voivodeshipTeryt: r.voivodeship_teryt, areaKm2: r.area_km2,
  } as unknown as Jst;
}

const JST_LIST: ListSource = { from: 'jst j', columns: JST_COLUMNS, key: 'j.teryt', searchColumn: 'j.search_name' };


/** Reads JSTs: by code, by filter, by point; geometry shaped for the client. */
export class JstService {
  constructor(private readonly em: Em) {}

  private mapRows(rows: Record<string, unknown>[]): Jst[] {
    return rows.map((row) => this.em.map(Jst, row));
  }

  /** The JST with this (parsed) TERYT code; null when none has it. */
  async find(code: string): Promise<Jst | null> {
    return this.em.findOne(Jst, { teryt: code });
  }

  /**
   * JSTs by code as plain objects shaped like the entity (`parent` a `{ teryt }` reference), for
   * reads only: a list of 50 partnerships walks 400 of them, and hydrating entities cost more than the SQL.
   */
  async readMany(teryts: readonly string[]): Promise<Jst[]> {
    const rows = await query<JstRow>(this.em, `select ${JST_COLUMNS} from jst j where j.teryt = any(?::text[])`, [textArray(teryts)]);
    return rows.map(jstFromRow);
  }

  async getMany(teryts: readonly string[]): Promise<Jst[]> {
    return this.em.find(Jst, { teryt: { $in: [...teryts] } });
  }

  /** SQL conditions of a parsed filter; a named programme or partnership must exist. */
  private async where(filter: Partial<JstQuery>, asOf: Day | null): Promise<Where> {
    const where = new Where();
    const counts = membershipCountsSql('m', dayOf(asOf));
    if (filter.level) where.add('j.level = ?', filter.level);
    if (filter.kinds?.length) where.add('j.kind = any(?::text[])', textArray(filter.kinds));
    if (filter.voivodeship) where.add('j.voivodeship_teryt = ?', filter.voivodeship);
    if (filter.county) where.add('j.parent_teryt = ?', filter.county);
    if (filter.programme) {
      // A programme counts the members of its period (as coverage does); on a given day, those of that day within it.
      const inPeriod = countsForParticipationSql('m', 'pa', 'pr');
      const programmeCounts = asOf === null ? `${inPeriod} and exists (select 1 from partnership ap where ap.id = m.partnership_id and ap.archived_at is null)` : `${counts} and ${inPeriod}`;
      await requireExisting(this.em, 'programme', filter.programme, 'filter.programme');
      where.add(
        `exists (select 1 from membership m join participation pa on pa.partnership_id = m.partnership_id
                 join programme pr on pr.id = pa.programme_id
                 where m.jst_teryt = j.teryt and ${programmeCounts} and pr.code = ?)`,
        filter.programme,
      );
    }
    if (filter.memberOf) {
      await requireExisting(this.em, 'partnership', filter.memberOf, 'filter.memberOf');
      where.add(
        `exists (select 1 from membership m join partnership p on p.id = m.partnership_id
                 where m.jst_teryt = j.teryt and ${counts} and p.slug = ?)`,
        filter.memberOf,
      );
    }
    if (filter.memberOfNone === true) where.add(`not exists (select 1 from membership m where m.jst_teryt = j.teryt and ${counts})`);
    if (filter.memberOfNone === false) where.add(`exists (select 1 from membership m where m.jst_teryt = j.teryt and ${counts})`);
    if (filter.search != null) searchCondition(where, 'j.search_name', filter.search);
    return where;
  }

  /** One page of JSTs ordered by TERYT code (with `search`: by search rank, then TERYT code), with the total count of the filter. */
  async list(filter: Partial<JstQuery>, page: PageRequest, asOf: Day | null = null): Promise<Page<Jst>> {
    const found = await listPage(this.em, JST_LIST, await this.where(filter, asOf), filter.search, page);
    return { ...found, nodes: this.mapRows(found.nodes) };
  }

  /** The unit of `level` that contains the point (lng, lat in degrees), or null outside Poland. */
  async at(lon: number, lat: number, level: JstLevel = JstLevel.MUNICIPALITY): Promise<Jst | null> {
    const rows = await query<JstRow>(
      this.em,
      `select ${JST_COLUMNS} from jst j where j.level = ? and ST_Intersects(j.boundary, ST_SetSRID(ST_MakePoint(?, ?), 4326)) order by j.teryt limit 1`,
      [level, lon, lat],
    );
    // A plain read (see jstFromRow): the ORM's mapping cost more than the statement.
    return rows.length ? jstFromRow(rows[0]!) : null;
  }

  /** Boundaries of many JSTs at once, simplified and rounded as asked. */
  async geometries(teryts: readonly string[], options: GeometryOptions): Promise<Map<string, GeoJsonText>> {
    const rows = await query<{ teryt: string; geojson: string }>(
      this.em,
      `select teryt, ST_AsGeoJSON(${simplified('boundary', options)}, ?) as geojson from jst where teryt = any(?::text[])`,
      [options.precision, textArray(teryts)],
    );
    return new Map(rows.map((r) => [r.teryt, new GeoJsonText(r.geojson)]));
  }

  /** A point inside each JST (for labels and fly-to), and its bounding box; [lng, lat] degrees. */
  async placement(teryts: readonly string[]): Promise<Map<string, { point: [number, number]; bbox: [number, number, number, number] }>> {
    const rows = await query<{ teryt: string; x: number; y: number; w: number; s: number; e: number; n: number }>(
      this.em,
      `select teryt, ST_X(p) as x, ST_Y(p) as y, ST_XMin(boundary) as w, ST_YMin(boundary) as s, ST_XMax(boundary) as e, ST_YMax(boundary) as n
       from (select teryt, boundary, ST_PointOnSurface(boundary) as p from jst where teryt = any(?::text[])) t`,
      [textArray(teryts)],
    );
    return new Map(rows.map((r) => [r.teryt, { point: [r.x, r.y], bbox: [r.w, r.s, r.e, r.n] }]));
  }
}

/** SQL for a geometry column simplified with the given tolerance (degrees), topology preserved. */
export function simplified(column: string, options: GeometryOptions): string {
  return options.simplify > 0 ? `ST_Multi(ST_SimplifyPreserveTopology(${column}, ${Number(options.simplify)}))` : column;
}

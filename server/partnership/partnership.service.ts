import type { Geometry } from 'geojson';
import type { Em } from '../db/orm.js';
import { listPage, searchCondition, type ListSource } from '../db/list-page.js';
import { jsonObject, type SelectedField } from '../db/json-select.js';
import { intArray, query, textArray, Where } from '../db/sql.js';
import type { GeometryOptions } from '../input/geometry-options.js';
import type { Page, PageRequest } from '../input/paging.js';
import type { PartnershipQuery } from '../input/partnership-filter.js';
import { simplified } from '../jst/jst.service.js';
import { InputError } from '../shared/errors.js';
import { GeoJsonText } from '../shared/geojson-text.js';
import { requireExisting } from '../shared/exists.js';
import { partnershipJson } from './partnership-json.js';
import { json, PARTNERSHIP_COLUMNS, partnershipFromRow } from './partnership-read.js';
import { Partnership } from './partnership.entity.js';
import { countsForParticipationSql } from '../programme/programme-period.js';
import { dayLiteral, dayOf, membershipActiveSql, partnershipActiveSql, today, type Day } from '../time/as-of.js';

/**
 * SQL condition: membership `m` counts for a filter on members (`voivodeship`, `member`): on the day,
 * or, when the filter names a programme and no day, in the counting period of the partnership's
 * participation in it (server/programme/programme-period.ts).
 */
function memberCounts(filter: Partial<PartnershipQuery>, asOf: Day | null): { sql: string; params: unknown[] } {
  if (filter.programme == null || asOf !== null) return { sql: membershipActiveSql('m', dayOf(asOf)), params: [] };
  return {
    sql: `exists (select 1 from participation pa join programme pr on pr.id = pa.programme_id
            where pa.partnership_id = m.partnership_id and pr.code = ? and ${countsForParticipationSql('m', 'pa', 'pr')})`,
    params: [filter.programme],
  };
}

/** SQL: a member of partnership `p` counted on `day` lies in the area of a functional area (not a województwo), `touches` over `j.boundary`. */
const memberOnDayTouches = (day: Day, touches: string) =>
  `exists (select 1 from membership m join jst j on j.teryt = m.jst_teryt where m.partnership_id = p.id and ${membershipActiveSql('m', day)}
           and j.level <> 'VOIVODESHIP' and ${touches})`;

const PARTNERSHIP_LIST: ListSource = { from: 'partnership p', columns: PARTNERSHIP_COLUMNS, key: 'p.slug', searchColumn: 'p.search_name' };

/** The functional area of a partnership: union of its current members' boundaries, kept by the database. */
export interface FunctionalAreaFigures {
  partnershipId: number;
  areaKm2: number;
  memberCount: number;
  /** [west, south, east, north] in degrees, null when no member is loaded. */
  bbox: [number, number, number, number] | null;
}

/** Reads partnerships by slug, filter and location; PostGIS answers the spatial conditions. */
export class PartnershipService {
  constructor(private readonly em: Em) {}

  /** List rows as plain partnerships (see partnership-read.ts): reads only, never handed to a write. */
  private map(rows: Record<string, unknown>[]): Partnership[] {
    return rows.map(partnershipFromRow);
  }

  /**
   * The partnership with this (parsed) slug as a plain read (see partnership-read.ts); null when none
   * has it. With `area` options, its functional area's geometry comes in the same statement (`area`:
   * GeoJSON text, null when the area is empty or not asked for).
   */
  async find(slug: string, area?: GeometryOptions | null): Promise<{ partnership: Partnership; area: GeoJsonText | null } | null> {
    const geometry = area ? `, ST_AsGeoJSON(${simplified('p.area', area)}, ${Number(area.precision)}) as area_geojson` : '';
    const [row] = await query<Record<string, unknown>>(this.em, `select ${PARTNERSHIP_COLUMNS}${geometry} from partnership p where p.slug = ?`, [slug]);
    if (!row) return null;
    return { partnership: partnershipFromRow(row), area: typeof row.area_geojson === 'string' ? new GeoJsonText(row.area_geojson) : null };
  }

  /** SQL conditions of a parsed filter; a named programme must exist, a geometry must be valid for PostGIS. */
  private async where(filter: Partial<PartnershipQuery>, asOf: Day | null): Promise<Where> {
    const where = new Where();
    // With a day: the partnerships running then (archived ones only when asked for); without, the whole catalogue.
    if (asOf !== null) where.add(filter.includeArchived ? `atlas_active_on(p.started, p.ended, ${dayLiteral(asOf)})` : partnershipActiveSql('p', asOf));
    else if (!filter.includeArchived) where.add('p.archived_at is null');
    const counts = memberCounts(filter, asOf);
    if (filter.programme != null || filter.statuses?.length) {
      const cond = new Where().add('pa.partnership_id = p.id');
      if (filter.programme != null) {
        await requireExisting(this.em, 'programme', filter.programme, 'filter.programme');
        cond.add('pr.code = ?', filter.programme);
      }
      if (filter.statuses?.length) cond.add('pa.status = any(?::text[])', textArray(filter.statuses));
      where.add(`exists (select 1 from participation pa join programme pr on pr.id = pa.programme_id ${cond})`, ...cond.params);
    }
    if (filter.voivodeship != null) {
      where.add(
        `exists (select 1 from membership m join jst j on j.teryt = m.jst_teryt where m.partnership_id = p.id and ${counts.sql} and j.voivodeship_teryt = ?)`,
        ...counts.params, filter.voivodeship,
      );
    }
    if (filter.member != null) {
      where.add(`exists (select 1 from membership m where m.partnership_id = p.id and ${counts.sql} and m.jst_teryt = ?)`, ...counts.params, filter.member);
    }
    if (filter.legalForms?.length) where.add('p.legal_form = any(?::text[])', textArray(filter.legalForms));
    if (filter.areaTypes?.length) where.add('p.area_type = any(?::text[])', textArray(filter.areaTypes));
    if (filter.search != null) searchCondition(where, 'p.search_name', filter.search);
    // Today the stored area answers; on another day the area is the union of that day's members,
    // and a union meets a shape exactly when one of its parts does (no union needs computing).
    const meets = (shape: string) => (asOf === null ? `ST_Intersects(p.area, ${shape})` : memberOnDayTouches(asOf, `ST_Intersects(j.boundary, ${shape})`));
    if (filter.bbox != null) {
      const [w, s, e, n] = filter.bbox;
      where.add(meets('ST_MakeEnvelope(?, ?, ?, ?, 4326)'), w, s, e, n);
    }
    if (filter.intersects != null) {
      await this.checkGeometry(filter.intersects);
      where.add(meets('ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)'), JSON.stringify(filter.intersects));
    }
    if (filter.containsPoint != null) {
      where.add(meets('ST_SetSRID(ST_MakePoint(?, ?), 4326)'), filter.containsPoint.lon, filter.containsPoint.lat);
    }
    return where;
  }

  /** Lets PostGIS judge a structurally sound geometry: self-intersections and the like are input errors. */
  private async checkGeometry(geometry: Geometry): Promise<void> {
    let rows: { valid: boolean; reason: string }[];
    try {
      rows = await query(this.em, `select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason from (select ST_GeomFromGeoJSON(?) as g) t`, [JSON.stringify(geometry)]);
    } catch (error) {
      throw new InputError('filter.intersects', `PostGIS cannot read the geometry: ${(error as Error).message.split('\n')[0]}`, 'MALFORMED');
    }
    if (!rows[0]?.valid) throw new InputError('filter.intersects', `invalid geometry: ${rows[0]?.reason}`, 'MALFORMED');
  }

  /**
   * One page of partnerships ordered by slug (with `search`: by search rank, then slug), with the
   * total count of the filter. With `select` (the fields a query asks for) each partnership comes as
   * one json object of those fields and the relations below them, all in the page's one statement
   * (partnership-json.ts); without, as whole plain rows.
   */
  async list(filter: Partial<PartnershipQuery>, page: PageRequest, select?: readonly SelectedField[], asOf: Day | null = null): Promise<Page<Partnership>> {
    const where = await this.where(filter, asOf);
    if (!select) {
      const found = await listPage(this.em, PARTNERSHIP_LIST, where, filter.search, page);
      return { ...found, nodes: this.map(found.nodes) };
    }
    const source = { ...PARTNERSHIP_LIST, columns: `${jsonObject(partnershipJson(asOf), select, 'p')} as node, p.slug` };
    const found = await listPage(this.em, source, where, filter.search, page);
    return { ...found, nodes: found.nodes.map((r) => json<Partnership>(r.node)) };
  }

  /** Partnerships whose functional area (today's, or on `asOf` that day's) contains the point (lng, lat degrees), by name. */
  async at(lon: number, lat: number, asOf: Day | null = null): Promise<Partnership[]> {
    const point = 'ST_SetSRID(ST_MakePoint(?, ?), 4326)';
    const where = asOf === null ? `${partnershipActiveSql('p', today())} and ST_Intersects(p.area, ${point})` : `${partnershipActiveSql('p', asOf)} and ${memberOnDayTouches(asOf, `ST_Intersects(j.boundary, ${point})`)}`;
    const rows = await query<Record<string, unknown>>(this.em, `select ${PARTNERSHIP_COLUMNS} from partnership p where ${where} order by p.name`, [lon, lat]);
    return this.map(rows);
  }

  async functionalAreas(ids: readonly number[]): Promise<Map<number, FunctionalAreaFigures>> {
    const rows = await query<{ id: number; area_km2: number; member_count: number; w: number | null; s: number; e: number; n: number }>(
      this.em,
      `select id, area_km2, member_count, ST_XMin(area) as w, ST_YMin(area) as s, ST_XMax(area) as e, ST_YMax(area) as n
       from partnership where id = any(?::int[])`,
      [intArray(ids)],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { partnershipId: r.id, areaKm2: r.area_km2, memberCount: r.member_count, bbox: r.w === null ? null : [r.w, r.s, r.e, r.n] },
      ]),
    );
  }

  async areaGeometries(ids: readonly number[], options: GeometryOptions): Promise<Map<number, GeoJsonText>> {
    const rows = await query<{ id: number; geojson: string }>(
      this.em,
      `select id, ST_AsGeoJSON(${simplified('area', options)}, ?) as geojson from partnership where id = any(?::int[]) and area is not null`,
      [options.precision, intArray(ids)],
    );
    return new Map(rows.map((r) => [r.id, new GeoJsonText(r.geojson)]));
  }
}

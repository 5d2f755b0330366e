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
import { PARTNERSHIP_JSON } from './partnership-json.js';
import { json, PARTNERSHIP_COLUMNS, partnershipFromRow } from './partnership-read.js';
import { Partnership } from './partnership.entity.js';

/** SQL condition: membership `m` is current (not left before today). Archived partnerships are filtered on their own. */
const CURRENT_MEMBERSHIP = `membership_is_current(m."left")`;

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
  private async where(filter: Partial<PartnershipQuery>): Promise<Where> {
    const where = new Where();
    if (!filter.includeArchived) where.add('p.archived_at is null');
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
        `exists (select 1 from membership m join jst j on j.teryt = m.jst_teryt where m.partnership_id = p.id and ${CURRENT_MEMBERSHIP} and j.voivodeship_teryt = ?)`,
        filter.voivodeship,
      );
    }
    if (filter.member != null) {
      where.add(`exists (select 1 from membership m where m.partnership_id = p.id and ${CURRENT_MEMBERSHIP} and m.jst_teryt = ?)`, filter.member);
    }
    if (filter.legalForms?.length) where.add('p.legal_form = any(?::text[])', textArray(filter.legalForms));
    if (filter.areaTypes?.length) where.add('p.area_type = any(?::text[])', textArray(filter.areaTypes));
    if (filter.search != null) searchCondition(where, 'p.search_name', filter.search);
    if (filter.bbox != null) {
      const [w, s, e, n] = filter.bbox;
      where.add('ST_Intersects(p.area, ST_MakeEnvelope(?, ?, ?, ?, 4326))', w, s, e, n);
    }
    if (filter.intersects != null) {
      await this.checkGeometry(filter.intersects);
      where.add('ST_Intersects(p.area, ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))', JSON.stringify(filter.intersects));
    }
    if (filter.containsPoint != null) {
      where.add('ST_Intersects(p.area, ST_SetSRID(ST_MakePoint(?, ?), 4326))', filter.containsPoint.lon, filter.containsPoint.lat);
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
  async list(filter: Partial<PartnershipQuery>, page: PageRequest, select?: readonly SelectedField[]): Promise<Page<Partnership>> {
    const where = await this.where(filter);
    if (!select) {
      const found = await listPage(this.em, PARTNERSHIP_LIST, where, filter.search, page);
      return { ...found, nodes: this.map(found.nodes) };
    }
    const source = { ...PARTNERSHIP_LIST, columns: `${jsonObject(PARTNERSHIP_JSON, select, 'p')} as node, p.slug` };
    const found = await listPage(this.em, source, where, filter.search, page);
    return { ...found, nodes: found.nodes.map((r) => json<Partnership>(r.node)) };
  }

  /** Partnerships whose functional area contains the point (lng, lat degrees), by name. */
  async at(lon: number, lat: number): Promise<Partnership[]> {
    const rows = await query<Record<string, unknown>>(
      this.em,
      `select ${PARTNERSHIP_COLUMNS} from partnership p where p.archived_at is null and ST_Intersects(p.area, ST_SetSRID(ST_MakePoint(?, ?), 4326)) order by p.name`,
      [lon, lat],
    );
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

import type { Feature, FeatureCollection } from 'geojson';
import type { Em } from '../db/orm.js';
import { intArray, query, textArray } from '../db/sql.js';
import type { GeometryOptions } from '../input/geometry-options.js';
import type { JstQuery } from '../input/jst-filter.js';
import { MAX_PAGE_SIZE, type Page, type PageRequest } from '../input/paging.js';
import type { PartnershipQuery } from '../input/partnership-filter.js';
import { jstKindLabelPl } from '../jst/jst-kind.js';
import type { Jst } from '../jst/jst.entity.js';
import { JstService, simplified } from '../jst/jst.service.js';
import type { Partnership } from '../partnership/partnership.entity.js';
import { PartnershipService } from '../partnership/partnership.service.js';
import { SOURCE_SEPARATOR } from '../import/import-rows.js';
import { ATTRIBUTION_LINE, DATA_LICENCE, type Licence } from '../shared/data-licence.js';
import { dayOf, membershipActiveSql, membershipCountsSql, partnershipActiveSql, today, type Day } from '../time/as-of.js';
import { scopedAreaSql } from '../time/scope.js';
import { DEFAULT_LAYOUT, toCsv, type CsvLayout } from './csv-write.js';

/**
 * A download's FeatureCollection: the data's licence and attribution ride along as foreign members
 * (RFC 7946 §6.1), so a copied file still says them, and so does the day it describes (`asOf`).
 */
export type LicensedFeatureCollection = FeatureCollection & { license: Licence; attribution: string; asOf: Day };

function licensed(features: Feature[], day: Day): LicensedFeatureCollection {
  return { type: 'FeatureCollection', license: DATA_LICENCE, attribution: ATTRIBUTION_LINE, asOf: day, features };
}

/** Functional area figures and geometry of one partnership on a day. */
interface AreaOnDay {
  geometry: string | null;
  members: number;
  km2: number;
}

/** Walks every page of a list, in the API's order (search rank first, when searching), so exports see exactly what the API's filter sees. */
async function all<T>(list: (page: PageRequest) => Promise<Page<T>>, keyOf: (t: T) => string): Promise<T[]> {
  const out: T[] = [];
  let next: PageRequest = { limit: MAX_PAGE_SIZE, afterKey: null };
  for (;;) {
    const page = await list(next);
    out.push(...page.nodes);
    if (!page.hasNextPage || !page.nodes.length) return out;
    const last = page.nodes.length - 1;
    next = { limit: MAX_PAGE_SIZE, afterKey: keyOf(page.nodes[last]!), afterRank: page.ranks?.[last] };
  }
}

interface MemberRow {
  slug: string;
  name: string;
  version: number;
  teryt: string;
  jst_name: string;
  jst_kind: string;
  role: string;
  joined: string | null;
  left: string | null;
  basis: string;
  inference_rule: string | null;
  sources: { ref: string }[];
  programmes: string | null;
}

/** Downloads of any `partnerships`/`jsts` filter as CSV (one row per membership or JST) and GeoJSON. */
export class ExportService {
  constructor(private readonly em: Em) {}

  /** The filter's partnerships that were running on `day` (one that ended or had not started is left out), with their life spans by id. */
  async partnerships(filter: Partial<PartnershipQuery>, day: Day): Promise<Partnership[]> {
    return (await this.running(filter, day)).partnerships;
  }

  private async running(filter: Partial<PartnershipQuery>, day: Day): Promise<{ partnerships: Partnership[]; spans: Map<number, { started: string | null; ended: string | null }> }> {
    const service = new PartnershipService(this.em);
    // With a day, the list's own filter reads members and partnerships of that day (as GraphQL `partnerships(asOf)`).
    const listed = await all((page) => service.list(filter, page, undefined, day === today() ? null : day), (p) => p.slug);
    const rows = await query<{ id: number; started: string | null; ended: string | null }>(
      this.em,
      `select p.id, p.started, p.ended from partnership p where p.id = any(?::int[]) and ${partnershipActiveSql('p', day)}`,
      [intArray(listed.map((p) => p.id))],
    );
    const spans = new Map(rows.map((r) => [r.id, { started: r.started, ended: r.ended }]));
    return { partnerships: listed.filter((p) => spans.has(p.id)), spans };
  }

  jsts(filter: Partial<JstQuery>, day: Day = today()): Promise<Jst[]> {
    const service = new JstService(this.em);
    return all((page) => service.list(filter, page, day === today() ? null : day), (j) => j.teryt);
  }

  /**
   * One row per membership, in the columns the spreadsheet import reads, so an unchanged export
   * imports as an empty diff: `version` (a re-import after someone else's edit is a CONFLICT),
   * several sources joined by " | ", `basis` (STATED/INFERRED) with the `inference_rule` of an inferred member. `partnership_name`, `jst_name`,
   * `jst_kind` and `programmes` (`CODE:STATUS | …`, participations of the partnership) and `as_of` (the day described) are for
   * reading: the import ignores them. Without `asOf` every membership of a running partnership is a
   * row (past ones with their `left`), as the import's round trip needs; with it, only the members
   * on that day (a dated file is a snapshot to read: imported, it would remove the later members).
   */
  async partnershipsCsv(filter: Partial<PartnershipQuery>, asOf?: Day, layout: CsvLayout = DEFAULT_LAYOUT): Promise<string> {
    const day = dayOf(asOf);
    const partnerships = await this.partnerships(filter, day);
    const rows = await query<MemberRow>(
      this.em,
      `select p.slug, p.name, p.version, m.jst_teryt as teryt, j.name as jst_name, j.kind as jst_kind, m.role, m.joined, m."left", m.basis, m.inference_rule, m.sources,
         (select string_agg(pr.code || ':' || pa.status, ? order by pr.code) from participation pa join programme pr on pr.id = pa.programme_id where pa.partnership_id = p.id) as programmes
       from partnership p join membership m on m.partnership_id = p.id join jst j on j.teryt = m.jst_teryt
       where p.slug = any(?::text[]) and ${asOf === undefined ? 'true' : membershipActiveSql('m', day)} order by p.slug, m.role, m.jst_teryt`,
      [SOURCE_SEPARATOR, textArray(partnerships.map((p) => p.slug))],
    );
    return toCsv(
      ['partnership', 'partnership_name', 'version', 'teryt', 'jst_name', 'jst_kind', 'role', 'joined', 'left', 'programmes', 'source', 'basis', 'inference_rule', 'as_of'],
      rows.map((r) => [
        r.slug, r.name, r.version, r.teryt, r.jst_name, jstKindLabelPl[r.jst_kind as Jst['kind']], r.role, r.joined, r.left, r.programmes, r.sources.map((s) => s.ref).join(SOURCE_SEPARATOR),
        r.basis, r.inference_rule, day,
      ]),
      layout,
    );
  }

  /** The partnerships as features: their functional area on the day (from the members then; today's is the stored one) and their life span. */
  async partnershipsGeoJson(filter: Partial<PartnershipQuery>, options: GeometryOptions, asOf?: Day): Promise<LicensedFeatureCollection> {
    const day = dayOf(asOf);
    const { partnerships, spans } = await this.running(filter, day);
    const areas = await this.areas(partnerships.map((p) => p.id), options, asOf);
    const features: Feature[] = partnerships.map((p) => ({
      type: 'Feature',
      id: p.slug,
      geometry: (areas.get(p.id)?.geometry ? JSON.parse(areas.get(p.id)!.geometry!) : null) as Feature['geometry'],
      properties: {
        slug: p.slug, name: p.name, shortName: p.shortName ?? null, legalForm: p.legalForm, areaType: p.areaType, leader: p.leader?.teryt ?? null,
        membersComplete: p.membersComplete, memberCount: areas.get(p.id)?.members ?? 0, areaKm2: areas.get(p.id)?.km2 ?? 0,
        started: spans.get(p.id)?.started ?? null, ended: spans.get(p.id)?.ended ?? null, sources: p.sources.map((s) => s.ref),
      },
    }));
    return licensed(features, day);
  }

  /** Area of each partnership on the day asked (computed from the members then), or today's stored one without `asOf`. */
  private async areas(ids: number[], options: GeometryOptions, asOf?: Day): Promise<Map<number, AreaOnDay>> {
    const scope = { day: dayOf(asOf) };
    const [geom, members, km2] = asOf === undefined ? ['p.area', 'p.member_count', 'p.area_km2'] : [scopedAreaSql('p', scope, 'geom'), scopedAreaSql('p', scope, 'members'), scopedAreaSql('p', scope, 'km2')];
    const rows = await query<{ id: number; geojson: string | null; members: number; km2: number }>(
      this.em,
      `select id, ST_AsGeoJSON(${simplified('g', options)}, ?) as geojson, members, km2
       from (select p.id, ${geom} as g, ${members} as members, ${km2} as km2 from partnership p where p.id = any(?::int[])) t`,
      [options.precision, intArray(ids)],
    );
    return new Map(rows.map((r) => [r.id, { geometry: r.geojson, members: Number(r.members ?? 0), km2: Number(r.km2 ?? 0) }]));
  }

  async jstsCsv(filter: Partial<JstQuery>, asOf?: Day, layout: CsvLayout = DEFAULT_LAYOUT): Promise<string> {
    const day = dayOf(asOf);
    const jsts = await this.jsts(filter, day);
    const memberOf = await this.memberships(jsts.map((j) => j.teryt), day);
    return toCsv(
      ['teryt', 'name', 'kind', 'level', 'parent', 'voivodeship', 'area_km2', 'partnerships', 'as_of'],
      jsts.map((j) => [j.teryt, j.name, jstKindLabelPl[j.kind], j.level, j.parent?.teryt ?? '', j.voivodeshipTeryt, Math.round(j.areaKm2 * 100) / 100, (memberOf.get(j.teryt) ?? []).join(' '), day]),
      layout,
    );
  }

  async jstsGeoJson(filter: Partial<JstQuery>, options: GeometryOptions, asOf?: Day): Promise<LicensedFeatureCollection> {
    const day = dayOf(asOf);
    const jsts = await this.jsts(filter, day);
    const teryts = jsts.map((j) => j.teryt);
    const [geometries, memberOf] = await Promise.all([new JstService(this.em).geometries(teryts, options), this.memberships(teryts, day)]);
    return licensed(
      jsts.map((j): Feature => ({
        type: 'Feature',
        id: j.teryt,
        geometry: geometries.get(j.teryt)!.toJSON(),
        properties: { teryt: j.teryt, name: j.name, kind: j.kind, kindLabel: jstKindLabelPl[j.kind], parent: j.parent?.teryt ?? null, areaKm2: j.areaKm2, partnerships: memberOf.get(j.teryt) ?? [] },
      })),
      day,
    );
  }

  /** Slugs of the partnerships each unit counted as a member of on `day` (membershipCountsSql). */
  private async memberships(teryts: string[], day: Day): Promise<Map<string, string[]>> {
    const rows = await query<{ teryt: string; slugs: string[] }>(
      this.em,
      `select m.jst_teryt as teryt, array_agg(p.slug order by p.slug) as slugs from membership m join partnership p on p.id = m.partnership_id
       where m.jst_teryt = any(?::text[]) and ${membershipCountsSql('m', day)} group by m.jst_teryt`,
      [textArray(teryts)],
    );
    return new Map(rows.map((r) => [r.teryt, r.slugs]));
  }
}

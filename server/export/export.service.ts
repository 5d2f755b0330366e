import type { Feature, FeatureCollection } from 'geojson';
import type { Em } from '../db/orm.js';
import { query, textArray } from '../db/sql.js';
import type { GeometryOptions } from '../input/geometry-options.js';
import type { JstQuery } from '../input/jst-filter.js';
import { MAX_PAGE_SIZE, type Page, type PageRequest } from '../input/paging.js';
import type { PartnershipQuery } from '../input/partnership-filter.js';
import { jstKindLabelPl } from '../jst/jst-kind.js';
import type { Jst } from '../jst/jst.entity.js';
import { JstService } from '../jst/jst.service.js';
import type { Partnership } from '../partnership/partnership.entity.js';
import { PartnershipService } from '../partnership/partnership.service.js';
import { SOURCE_SEPARATOR } from '../import/import-rows.js';
import { ATTRIBUTION_LINE, DATA_LICENCE, type Licence } from '../shared/data-licence.js';
import { DEFAULT_LAYOUT, toCsv, type CsvLayout } from './csv-write.js';

/** A download's FeatureCollection: the data's licence and attribution ride along as foreign members (RFC 7946 §6.1), so a copied file still says them. */
export type LicensedFeatureCollection = FeatureCollection & { license: Licence; attribution: string };

function licensed(features: Feature[]): LicensedFeatureCollection {
  return { type: 'FeatureCollection', license: DATA_LICENCE, attribution: ATTRIBUTION_LINE, features };
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

  partnerships(filter: Partial<PartnershipQuery>): Promise<Partnership[]> {
    const service = new PartnershipService(this.em);
    return all((page) => service.list(filter, page), (p) => p.slug);
  }

  jsts(filter: Partial<JstQuery>): Promise<Jst[]> {
    const service = new JstService(this.em);
    return all((page) => service.list(filter, page), (j) => j.teryt);
  }

  /**
   * One row per membership, in the columns the spreadsheet import reads, so an unchanged export
   * imports as an empty diff: `version` (a re-import after someone else's edit is a CONFLICT),
   * several sources joined by " | ", `basis` (STATED/INFERRED) with the `inference_rule` of an inferred member. `partnership_name`, `jst_name`, `jst_kind` and `programmes`
   * (`CODE:STATUS | …`, participations of the partnership) are for reading: the import ignores them.
   */
  async partnershipsCsv(filter: Partial<PartnershipQuery>, layout: CsvLayout = DEFAULT_LAYOUT): Promise<string> {
    const partnerships = await this.partnerships(filter);
    const rows = await query<MemberRow>(
      this.em,
      `select p.slug, p.name, p.version, m.jst_teryt as teryt, j.name as jst_name, j.kind as jst_kind, m.role, m.joined, m."left", m.basis, m.inference_rule, m.sources,
         (select string_agg(pr.code || ':' || pa.status, ? order by pr.code) from participation pa join programme pr on pr.id = pa.programme_id where pa.partnership_id = p.id) as programmes
       from partnership p join membership m on m.partnership_id = p.id join jst j on j.teryt = m.jst_teryt
       where p.slug = any(?::text[]) order by p.slug, m.role, m.jst_teryt`,
      [SOURCE_SEPARATOR, textArray(partnerships.map((p) => p.slug))],
    );
    return toCsv(
      ['partnership', 'partnership_name', 'version', 'teryt', 'jst_name', 'jst_kind', 'role', 'joined', 'left', 'programmes', 'source', 'basis', 'inference_rule'],
      rows.map((r) => [
        r.slug, r.name, r.version, r.teryt, r.jst_name, jstKindLabelPl[r.jst_kind as Jst['kind']], r.role, r.joined, r.left, r.programmes, r.sources.map((s) => s.ref).join(SOURCE_SEPARATOR),
        r.basis, r.inference_rule,
      ]),
      layout,
    );
  }

  async partnershipsGeoJson(filter: Partial<PartnershipQuery>, options: GeometryOptions): Promise<LicensedFeatureCollection> {
    const partnerships = await this.partnerships(filter);
    const service = new PartnershipService(this.em);
    const ids = partnerships.map((p) => p.id);
    const [geometries, areas] = await Promise.all([service.areaGeometries(ids, options), service.functionalAreas(ids)]);
    const features: Feature[] = partnerships.map((p) => ({
      type: 'Feature',
      id: p.slug,
      geometry: geometries.get(p.id)?.toJSON() ?? null!,
      properties: {
        slug: p.slug, name: p.name, shortName: p.shortName ?? null, legalForm: p.legalForm, areaType: p.areaType, leader: p.leader?.teryt ?? null,
        membersComplete: p.membersComplete, memberCount: areas.get(p.id)?.memberCount ?? 0, areaKm2: areas.get(p.id)?.areaKm2 ?? 0,
        sources: p.sources.map((s) => s.ref),
      },
    }));
    return licensed(features);
  }

  async jstsCsv(filter: Partial<JstQuery>, layout: CsvLayout = DEFAULT_LAYOUT): Promise<string> {
    const jsts = await this.jsts(filter);
    const memberOf = await this.memberships(jsts.map((j) => j.teryt));
    return toCsv(
      ['teryt', 'name', 'kind', 'level', 'parent', 'voivodeship', 'area_km2', 'partnerships'],
      jsts.map((j) => [j.teryt, j.name, jstKindLabelPl[j.kind], j.level, j.parent?.teryt ?? '', j.voivodeshipTeryt, Math.round(j.areaKm2 * 100) / 100, (memberOf.get(j.teryt) ?? []).join(' ')]),
      layout,
    );
  }

  async jstsGeoJson(filter: Partial<JstQuery>, options: GeometryOptions): Promise<LicensedFeatureCollection> {
    const jsts = await this.jsts(filter);
    const teryts = jsts.map((j) => j.teryt);
    const [geometries, memberOf] = await Promise.all([new JstService(this.em).geometries(teryts, options), this.memberships(teryts)]);
    return licensed(
      jsts.map((j): Feature => ({
        type: 'Feature',
        id: j.teryt,
        geometry: geometries.get(j.teryt)!.toJSON(),
        properties: { teryt: j.teryt, name: j.name, kind: j.kind, kindLabel: jstKindLabelPl[j.kind], parent: j.parent?.teryt ?? null, areaKm2: j.areaKm2, partnerships: memberOf.get(j.teryt) ?? [] },
      })),
    );
  }

  private async memberships(teryts: string[]): Promise<Map<string, string[]>> {
    const rows = await query<{ teryt: string; slugs: string[] }>(
      this.em,
      `select m.jst_teryt as teryt, array_agg(p.slug order by p.slug) as slugs from membership m join partnership p on p.id = m.partnership_id
       where m.jst_teryt = any(?::text[]) and p.archived_at is null and membership_is_current(m."left") group by m.jst_teryt`,
      [textArray(teryts)],
    );
    return new Map(rows.map((r) => [r.teryt, r.slugs]));
  }
}

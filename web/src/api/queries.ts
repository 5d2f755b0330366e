/** The queries of the map, one function each. */
import type { ViewState } from '../state/url-state.js';
import { gql } from './client.js';
import type {
  Coverage, JstDetail, JstHit, PartnershipDetail, PartnershipHit, PartnershipSummary, Programme,
} from './types.js';

export type Level = 'MUNICIPALITY' | 'COUNTY' | 'VOIVODESHIP';

const PARTICIPATION = 'status phase competition probable programme { code name nameEn }';
const MEMBERSHIP = `memberships { role basis inferenceRule partnership { slug name participations { ${PARTICIPATION} } } }`;

/**
 * Every query the map sends, as it sends it: the API's cost test (test/hardening/operation-cost.test.ts)
 * imports these, so a heavier map query fails there rather than in a browser. Each has an operation
 * name starting with "Map", so the server's request log and /metrics tell the map's traffic apart
 * (test/unit/map-operations.test.ts checks it).
 */
export const MAP_QUERIES = {
  programmes: `query MapProgrammes { programmes { code name nameEn funder reportedFigures { label labelPl value unit } loaded { partnerships jsts gminy probable { partnerships } inferredJsts } } }`,
  // The areas' shapes come from the `areas` tile layer; the list carries what filters, colours and the legend need.
  partnerships: `query MapPartnerships($after: String) {
    partnerships(first: 200, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { slug name shortName legalForm areaType
        participations { status probable programme { code } }
        functionalArea { areaKm2 memberCount bbox } } } } }`,
  // Each partnership's colour slot, from the whole dataset (neighbours differ), so filters never recolour it.
  colours: `query MapColours { mapColours { slug slot } }`,
  voivodeships: `query MapVoivodeships { jsts(filter: { level: VOIVODESHIP }, first: 50) { edges { node { teryt name } } } }`,
  inVoivodeship: `query MapInVoivodeship($voivodeship: String!, $after: String) {
    partnerships(filter: { voivodeship: $voivodeship }, first: 200, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { slug } } } }`,
  partnership: `query MapPartnership($slug: String!) { partnership(slug: $slug) {
    slug name shortName legalForm areaType membersComplete completenessNote statedMemberCount website
    sources { ref quote note }
    leader { teryt name kindLabel }
    members { role joined left basis inferenceRule jst { teryt name kindLabel } }
    participations { ${PARTICIPATION} }
    unmatchedMembers { sourceName reason }
    functionalArea { areaKm2 memberCount bbox }
    inferredMemberCount population { people year gminy source { citation asOf } } } }`,
  jst: `query MapJst($teryt: String!) { jst(teryt: $teryt) {
    teryt name kindLabel level bbox
    parent { teryt name kindLabel ${MEMBERSHIP} }
    voivodeship { teryt name kindLabel }
    population { people year source { citation asOf } }
    ${MEMBERSHIP} } }`,
  coverage: `query MapCoverage($programme: String, $voivodeship: String, $statuses: [ParticipationStatus!], $legalForms: [LegalForm!], $areaTypes: [AreaType!]) {
    coverage(programme: $programme, voivodeship: $voivodeship, statuses: $statuses, legalForms: $legalForms, areaTypes: $areaTypes) {
    gminyTotal gminyCovered gminyShare areaShare partnerships
    populationTotal populationCovered populationShare populationSource { citation asOf }
    byVoivodeship { voivodeship { teryt name } gminyTotal gminyCovered gminyShare areaShare } } }`,
  dataset: `query MapDataset { dataset { changedAt } }`,
  search: `query MapSearch($text: String!) {
    jsts(filter: { search: $text }, first: 100) { edges { node { teryt name kindLabel level bbox voivodeship { name } } } }
    partnerships(filter: { search: $text }, first: 50) { edges { node { slug name shortName functionalArea { bbox } } } } }`,
} as const;

export async function fetchProgrammes(): Promise<Programme[]> {
  return (await gql<{ programmes: Programme[] }>(MAP_QUERIES.programmes, {}, 'programmes')).programmes;
}

type Page<T> = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] };

/** Every node of a paged `partnerships` query (200 a page). */
async function allPartnerships<T>(query: string, variables: Record<string, unknown>, label: string): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { partnerships: Page<T> } = await gql<{ partnerships: Page<T> }>(query, { ...variables, after }, label);
    out.push(...data.partnerships.edges.map((e) => e.node));
    if (!data.partnerships.pageInfo.hasNextPage) return out;
    after = data.partnerships.pageInfo.endCursor;
  }
}

/** Palette slot of every partnership drawn on the map, by slug. */
export async function fetchMapColours(): Promise<Map<string, number>> {
  const data = await gql<{ mapColours: { slug: string; slot: number }[] }>(MAP_QUERIES.colours, {}, 'colours');
  return new Map(data.mapColours.map((c) => [c.slug, c.slot]));
}

/** Every partnership with what the filters, colours and legend need. */
export function fetchPartnerships(): Promise<PartnershipSummary[]> {
  return allPartnerships<PartnershipSummary>(MAP_QUERIES.partnerships, {}, 'partnerships');
}

/** Slugs of the partnerships with a current member in the województwo (2-digit TERC). */
export async function fetchSlugsInVoivodeship(voivodeship: string): Promise<string[]> {
  return (await allPartnerships<{ slug: string }>(MAP_QUERIES.inVoivodeship, { voivodeship }, 'inVoivodeship')).map((p) => p.slug);
}

/** The 16 województwa, TERC code and name (for the filter). */
export async function fetchVoivodeships(): Promise<{ teryt: string; name: string }[]> {
  type Answer = { jsts: { edges: { node: { teryt: string; name: string } }[] } };
  return (await gql<Answer>(MAP_QUERIES.voivodeships, {}, 'voivodeships')).jsts.edges.map((e) => e.node);
}

/** The partnership with this slug; null when the atlas has none (a stale link). */
export async function fetchPartnership(slug: string): Promise<PartnershipDetail | null> {
  return (await gql<{ partnership: PartnershipDetail | null }>(MAP_QUERIES.partnership, { slug }, 'partnership')).partnership;
}

/** The JST with this TERYT code; null when the atlas has none. */
export async function fetchJst(teryt: string): Promise<JstDetail | null> {
  return (await gql<{ jst: JstDetail | null }>(MAP_QUERIES.jst, { teryt }, 'jst')).jst;
}

/** The filters of the view that coverage follows. */
export type CoverageFilters = Pick<ViewState, 'programme' | 'status' | 'voivodeship' | 'legalForms' | 'areaTypes'>;

/** The variables of MAP_QUERIES.coverage for the filters of a view (an empty list is no condition: null). */
export function coverageVariables(f: CoverageFilters): Record<string, unknown> {
  const list = (v: readonly string[]) => (v.length ? [...v] : null);
  return { programme: f.programme, voivodeship: f.voivodeship, statuses: f.status ? [f.status] : null, legalForms: list(f.legalForms), areaTypes: list(f.areaTypes) };
}

/** Coverage for exactly the filters on screen. */
export async function fetchCoverage(f: CoverageFilters): Promise<Coverage> {
  return (await gql<{ coverage: Coverage }>(MAP_QUERIES.coverage, coverageVariables(f), 'coverage')).coverage;
}

export async function searchAll(text: string): Promise<{ jsts: JstHit[]; partnerships: PartnershipHit[] }> {
  type Answer = { jsts: { edges: { node: JstHit }[] }; partnerships: { edges: { node: PartnershipHit }[] } };
  const data = await gql<Answer>(MAP_QUERIES.search, { text }, 'search');
  return { jsts: data.jsts.edges.map((e) => e.node), partnerships: data.partnerships.edges.map((e) => e.node) };
}

/** When the data last changed (ISO 8601, UTC): the date an embed and a saved image show. */
export async function fetchDatasetDate(): Promise<string> {
  return (await gql<{ dataset: { changedAt: string } }>(MAP_QUERIES.dataset, {}, 'dataset')).dataset.changedAt;
}

/** The queries of the map, one function each. */
import type { ViewState } from '../state/url-state.js';
import { gql } from './client.js';
import type {
  Changes, Coverage, JstDetail, JstHit, PartnershipDetail, PartnershipHit, PartnershipSummary, Programme,
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
  programmes: `query MapProgrammes { programmes { code name nameEn funder startDate endDate phases { code name startDate endDate }
    reportedFigures { label labelPl value unit } loaded { partnerships jsts gminy probable { partnerships } inferredJsts } } }`,
  // The areas' shapes come from the `areas` tile layer; the list carries what filters, colours and the legend need.
  partnerships: `query MapPartnerships($after: String, $asOf: String) {
    partnerships(first: 200, after: $after, asOf: $asOf) {
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
  partnership: `query MapPartnership($slug: String!, $asOf: String) { partnership(slug: $slug, asOf: $asOf) {
    slug name shortName legalForm areaType membersComplete completenessNote statedMemberCount website
    sources { ref quote note }
    leader { teryt name kindLabel }
    members { role joined left basis inferenceRule jst { teryt name kindLabel } }
    participations { ${PARTICIPATION} }
    unmatchedMembers { sourceName reason }
    functionalArea { areaKm2 memberCount bbox }
    inferredMemberCount population { people year gminy source { citation asOf } } } }`,
  jst: `query MapJst($teryt: String!, $asOf: String) { jst(teryt: $teryt, asOf: $asOf) {
    teryt name kindLabel level bbox
    parent { teryt name kindLabel ${MEMBERSHIP} }
    voivodeship { teryt name kindLabel }
    population { people year source { citation asOf } }
    ${MEMBERSHIP} } }`,
  coverage: `query MapCoverage($programme: String, $voivodeship: String, $statuses: [ParticipationStatus!], $legalForms: [LegalForm!], $areaTypes: [AreaType!], $asOf: String) {
    coverage(programme: $programme, voivodeship: $voivodeship, statuses: $statuses, legalForms: $legalForms, areaTypes: $areaTypes, asOf: $asOf) {
    gminyTotal gminyCovered gminyShare areaShare partnerships
    populationTotal populationCovered populationShare populationSource { citation asOf }
    byVoivodeship { voivodeship { teryt name } gminyTotal gminyCovered gminyShare areaShare } } }`,
  dataset: `query MapDataset { dataset { version changedAt } }`,
  // ---- timemap: who joined and left between two days, with sources ----
  changes: `query MapChanges($from: String!, $to: String!) { changesBetween(from: $from, to: $to) { from to
    joined { date jst { teryt name } partnership { slug name } sources { ref quote note } }
    left { date jst { teryt name } partnership { slug name } sources { ref quote note } }
    partnershipsStarted { date endReason partnership { slug name } sources { ref quote note } }
    partnershipsEnded { date endReason partnership { slug name } sources { ref quote note } } } }`,
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

/** Every partnership with what the filters, colours and legend need (with `asOf`: those running that day, with that day's areas). */
export function fetchPartnerships(asOf: string | null = null): Promise<PartnershipSummary[]> {
  return allPartnerships<PartnershipSummary>(MAP_QUERIES.partnerships, { asOf }, 'partnerships');
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
export async function fetchPartnership(slug: string, asOf: string | null = null): Promise<PartnershipDetail | null> {
  return (await gql<{ partnership: PartnershipDetail | null }>(MAP_QUERIES.partnership, { slug, asOf }, 'partnership')).partnership;
}

/** The JST with this TERYT code; null when the atlas has none. */
export async function fetchJst(teryt: string, asOf: string | null = null): Promise<JstDetail | null> {
  return (await gql<{ jst: JstDetail | null }>(MAP_QUERIES.jst, { teryt, asOf }, 'jst')).jst;
}

/** The filters of the view that coverage follows. */
export type CoverageFilters = Pick<ViewState, 'programme' | 'status' | 'voivodeship' | 'legalForms' | 'areaTypes' | 'asOf'>;

/** The variables of MAP_QUERIES.coverage for the filters of a view (an empty list is no condition: null). */
export function coverageVariables(f: CoverageFilters): Record<string, unknown> {
  const list = (v: readonly string[]) => (v.length ? [...v] : null);
  return { programme: f.programme, voivodeship: f.voivodeship, statuses: f.status ? [f.status] : null, legalForms: list(f.legalForms), areaTypes: list(f.areaTypes), asOf: f.asOf ?? null };
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
/** The version of the data the page shows (the pinned one on a pinned page) and when it was committed (ISO 8601). */
export async function fetchDatasetInfo(): Promise<{ version: number; changedAt: string }> {
  return (await gql<{ dataset: { version: number; changedAt: string } }>(MAP_QUERIES.dataset, {}, 'dataset')).dataset;
}

/** Who joined and left, and which partnerships started and ended, from `from` to `to` (days, both included). */
export async function fetchChanges(from: string, to: string): Promise<Changes> {
  return (await gql<{ changesBetween: Changes }>(MAP_QUERIES.changes, { from, to }, 'changes')).changesBetween;
}

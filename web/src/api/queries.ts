/** The queries of the map, one function each. */
import { gql } from './client.js';
import type {
  Coverage, JstCollection, JstDetail, JstHit, PartnershipDetail, PartnershipHit, PartnershipSummary, Programme,
} from './types.js';

export type Level = 'MUNICIPALITY' | 'COUNTY' | 'VOIVODESHIP';

export async function fetchJstFeatures(level: Level, simplify: number, precision: number, voivodeship?: string): Promise<JstCollection> {
  const q = `query($level: JstLevel!, $simplify: Float, $precision: Int, $voivodeship: String) {
    jstFeatures(level: $level, simplify: $simplify, precision: $precision, voivodeship: $voivodeship) }`;
  const data = await gql<{ jstFeatures: JstCollection }>(q, { level, simplify, precision, voivodeship }, `features:${level}:${voivodeship ?? 'PL'}:${simplify}`);
  return data.jstFeatures;
}

export async function fetchProgrammes(): Promise<Programme[]> {
  const q = `{ programmes { code name nameEn funder reportedFigures { label labelPl value unit } loaded { partnerships jsts gminy } } }`;
  return (await gql<{ programmes: Programme[] }>(q, {}, 'programmes')).programmes;
}

/** Every partnership with what the filters and the outlines need (paged by 200). */
export async function fetchPartnerships(simplify: number, precision: number): Promise<PartnershipSummary[]> {
  const q = `query($after: String, $simplify: Float, $precision: Int) {
    partnerships(first: 200, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { slug name shortName legalForm areaType
        participations { status probable programme { code } }
        functionalArea { areaKm2 memberCount bbox geometry(simplify: $simplify, precision: $precision) } } } } }`;
  const out: PartnershipSummary[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { partnerships: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: PartnershipSummary }[] } };
    const data: Page = await gql<Page>(q, { after, simplify, precision }, 'partnerships');
    out.push(...data.partnerships.edges.map((e) => e.node));
    if (!data.partnerships.pageInfo.hasNextPage) return out;
    after = data.partnerships.pageInfo.endCursor;
  }
}

const PARTICIPATION = 'status phase competition probable programme { code name nameEn }';

export async function fetchPartnership(slug: string): Promise<PartnershipDetail> {
  const q = `query($slug: String!) { partnership(slug: $slug) {
    slug name shortName legalForm areaType membersComplete completenessNote statedMemberCount website
    sources { ref quote note }
    leader { teryt name kindLabel }
    members { role joined left jst { teryt name kindLabel } }
    participations { ${PARTICIPATION} }
    unmatchedMembers { sourceName reason }
    functionalArea { areaKm2 memberCount bbox } } }`;
  return (await gql<{ partnership: PartnershipDetail }>(q, { slug }, 'partnership')).partnership;
}

export async function fetchJst(teryt: string): Promise<JstDetail> {
  const membership = `memberships { role partnership { slug name participations { ${PARTICIPATION} } } }`;
  const q = `query($teryt: String!) { jst(teryt: $teryt) {
    teryt name kindLabel level bbox
    parent { teryt name kindLabel ${membership} }
    voivodeship { teryt name kindLabel }
    ${membership} } }`;
  return (await gql<{ jst: JstDetail }>(q, { teryt }, 'jst')).jst;
}

export async function fetchCoverage(programme: string | null, voivodeship: string | null): Promise<Coverage> {
  const q = `query($programme: String, $voivodeship: String) { coverage(programme: $programme, voivodeship: $voivodeship) {
    gminyTotal gminyCovered gminyShare areaShare partnerships
    byVoivodeship { voivodeship { teryt name } gminyTotal gminyCovered gminyShare areaShare } } }`;
  return (await gql<{ coverage: Coverage }>(q, { programme, voivodeship }, 'coverage')).coverage;
}

export async function searchAll(text: string): Promise<{ jsts: JstHit[]; partnerships: PartnershipHit[] }> {
  const q = `query($text: String!) {
    jsts(filter: { search: $text }, first: 100) { edges { node { teryt name kindLabel level bbox voivodeship { name } } } }
    partnerships(filter: { search: $text }, first: 50) { edges { node { slug name shortName functionalArea { bbox } } } } }`;
  type Answer = { jsts: { edges: { node: JstHit }[] }; partnerships: { edges: { node: PartnershipHit }[] } };
  const data = await gql<Answer>(q, { text }, 'search');
  return { jsts: data.jsts.edges.map((e) => e.node), partnerships: data.partnerships.edges.map((e) => e.node) };
}

/** Shapes of the API answers the map reads. */

export interface ReportedFigure { label: string; labelPl: string; value: number; unit: string }
export interface Programme {
  code: string;
  name: string;
  nameEn: string | null;
  funder: string;
  reportedFigures: ReportedFigure[];
  loaded: { partnerships: number; jsts: number; gminy: number; probable: { partnerships: number }; inferredJsts: number };
  /** Its period and phases (partial dates YYYY, YYYY-MM or YYYY-MM-DD; null: not stated). */
  startDate: string | null;
  endDate: string | null;
  phases: ProgrammePhase[];
}

export interface ProgrammePhase { code: string; name: string; startDate: string | null; endDate: string | null }

export interface PartnershipSummary {
  slug: string;
  name: string;
  shortName: string | null;
  legalForm: string;
  areaType: string;
  participations: { status: string; probable: boolean; programme: { code: string } }[];
  functionalArea: { areaKm2: number; memberCount: number; bbox: number[] | null };
}

export interface JstRef { teryt: string; name: string; kindLabel: string }
/** People of a JST or an area (GUS BDL) with the line citing the source. */
export interface Population { people: number; year: number; source: { citation: string; asOf: string } }
export interface AreaPopulation extends Population { gminy: number }
export interface Source { ref: string; quote: string | null; note: string | null }
export interface ParticipationDetail {
  status: string;
  phase: string | null;
  competition: string | null;
  probable: boolean;
  programme: { code: string; name: string; nameEn: string | null };
}
export interface PartnershipDetail {
  slug: string;
  name: string;
  shortName: string | null;
  legalForm: string;
  areaType: string;
  membersComplete: boolean;
  completenessNote: string | null;
  statedMemberCount: number | null;
  website: string | null;
  sources: Source[];
  leader: JstRef | null;
  members: { role: string; joined: string | null; left: string | null; basis: string; inferenceRule: string | null; jst: JstRef }[];
  participations: ParticipationDetail[];
  unmatchedMembers: { sourceName: string; reason: string }[];
  functionalArea: { areaKm2: number; memberCount: number; bbox: number[] | null };
  inferredMemberCount: number;
  population: AreaPopulation | null;
}

export interface MembershipRef {
  role: string;
  basis: string;
  inferenceRule: string | null;
  partnership: { slug: string; name: string; participations: ParticipationDetail[] };
}
export interface JstDetail extends JstRef {
  level: string;
  bbox: number[] | null;
  parent: (JstRef & { memberships: MembershipRef[] }) | null;
  voivodeship: JstRef | null;
  memberships: MembershipRef[];
  population: Population | null;
}

export interface CoverageRow { gminyTotal: number; gminyCovered: number; gminyShare: number; areaShare: number }
export interface Coverage extends CoverageRow {
  partnerships: number;
  populationTotal: number | null;
  populationCovered: number | null;
  populationShare: number | null;
  populationSource: { citation: string; asOf: string } | null;
  byVoivodeship: (CoverageRow & { voivodeship: { teryt: string; name: string } })[];
}

export interface JstHit { teryt: string; name: string; kindLabel: string; level: string; bbox: number[] | null; voivodeship: { name: string } | null }
export interface PartnershipHit { slug: string; name: string; shortName: string | null; functionalArea: { bbox: number[] | null } }

/** One joined or left membership of the changes view (GraphQL `changesBetween`). */
export interface MembershipChange { date: string; jst: { teryt: string; name: string }; partnership: { slug: string; name: string }; sources: Source[] }
/** A partnership that started or ended. */
export interface PartnershipChange { date: string; endReason: string | null; partnership: { slug: string; name: string }; sources: Source[] }
export interface Changes { from: string; to: string; joined: MembershipChange[]; left: MembershipChange[]; partnershipsStarted: PartnershipChange[]; partnershipsEnded: PartnershipChange[] }

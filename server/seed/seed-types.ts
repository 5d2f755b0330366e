/**
 * Shape of the reviewable seed data files in `server/seed/data/`.
 *
 * Every fact carries at least one {@link SeedSource}. Members are referenced by TERYT (TERC) code:
 * 2 digits for a województwo, 4 for a powiat, 7 for a gmina (with its type digit).
 */

/** Where a fact comes from: a seed document of `../shared/seeds` or a public URL. */
export interface SeedSource {
  /** `seeds/<file>.txt` for a shared seed document, or an absolute http(s) URL. */
  ref: string;
  /** The sentence of the source that states the fact, verbatim (optional for seed documents). */
  quote?: string;
  /** Free-text remark: "probable, not confirmed", "secondary source with typos", … */
  note?: string;
}

export type SeedLegalForm =
  | 'JST_ASSOCIATION' // stowarzyszenie JST
  | 'INTERMUNICIPAL_UNION' // związek międzygminny
  | 'COUNTY_MUNICIPAL_UNION' // związek powiatowo-gminny
  | 'METROPOLITAN_UNION' // związek metropolitalny (ustawa 2017)
  | 'AGREEMENT' // porozumienie (also ZIT agreements)
  | 'LAG' // LGD (lokalna grupa działania)
  | 'COMPANY' // spółka
  | 'INFORMAL'
  | 'UNKNOWN';

export type SeedAreaType =
  | 'MOF'
  | 'ZIT'
  | 'IIT'
  | 'OSI_MEDIUM_CITY' // OSI: miasto średnie tracące funkcje społeczno-gospodarcze
  | 'OSI_MARGINALISED' // OSI: obszar zagrożony trwałą marginalizacją
  | 'OTHER';

export type SeedParticipationStatus = 'APPLICANT' | 'GRANTEE' | 'PARTICIPANT' | 'LAUREATE';

export type SeedMemberRole = 'LEADER' | 'MEMBER' | 'FOUNDER';

export interface SeedReportedFigure {
  /** What is counted, in English: "partnerships supported in phase I". */
  label: string;
  /** Polish label shown in the UI. */
  labelPl: string;
  value: number;
  /** "partnerships", "JST", "percent of JST", "PLN", "EUR", "people" … */
  unit: string;
  /** Phase or edition code this figure belongs to, if any. */
  phase?: string;
  sources: SeedSource[];
}

export interface SeedPhase {
  /** Short code unique in the programme: "I", "II", "MOF-1", "pilot", "plus". */
  code: string;
  name: string;
  /** ISO date (YYYY-MM-DD) or year-month (YYYY-MM) or year (YYYY). */
  start?: string;
  end?: string;
  sources: SeedSource[];
}

export interface SeedProgramme {
  /** Stable identifier used in the API and URLs: "EEA-PP", "POPT-MOF", "CWD", "CWD-PLUS", "SLZ". */
  code: string;
  name: string;
  nameEn?: string;
  /** "MF EOG / EEA and Norway Grants 2009–2014", "POPT 2007–2013", … */
  funder: string;
  /** Operator / managing institution (e.g. ministry). */
  operator?: string;
  /** Implementing organisations (ZMP, ZPP, ZGW RP, KS, Fundacja Fundusz Współpracy …). */
  implementers: string[];
  start?: string;
  end?: string;
  description?: string;
  phases: SeedPhase[];
  reportedFigures: SeedReportedFigure[];
  sources: SeedSource[];
}

export interface SeedMember {
  teryt: string;
  /** The name as the source gives it, kept for review of the match. */
  sourceName: string;
  role: SeedMemberRole;
  /** ISO date or year when the JST joined / left, where a source says so. */
  joined?: string;
  left?: string;
  /** INFERRED: no source names the JST; `inferenceRule` says how the source's words imply it. Default STATED. */
  basis?: 'STATED' | 'INFERRED';
  /** The rule an INFERRED member follows, in English; only with basis INFERRED. */
  inferenceRule?: string;
  sources: SeedSource[];
}

export interface SeedPartner {
  name: string;
  kind: 'NGO' | 'BUSINESS' | 'UNIVERSITY' | 'PUBLIC_BODY' | 'OTHER';
  sources: SeedSource[];
}

export interface SeedParticipation {
  /** A programme `code` from programmes.json. */
  programme: string;
  status: SeedParticipationStatus;
  /** Phase/edition code of that programme, if known. */
  phase?: string;
  /** e.g. "POPT MOF nr 1". */
  competition?: string;
  grantAmount?: number;
  grantCurrency?: 'PLN' | 'EUR';
  /** Document produced: "strategia ZIT", "strategia rozwoju ponadlokalnego", … */
  document?: string;
  /** true where the source only makes it probable (e.g. EEA banner without a statement). */
  probable?: boolean;
  sources: SeedSource[];
}

export interface SeedUnmatchedMember {
  /** The name as the source gives it. */
  sourceName: string;
  /** Why no code was loaded: "ambiguous: 0201011 (gmina miejska) or 0201022 (gmina wiejska)", "not found". */
  reason: string;
  sources: SeedSource[];
}

export interface SeedPartnership {
  /** URL-safe, lowercase ASCII, unique: "metropolia-poznan". */
  slug: string;
  name: string;
  shortName?: string;
  legalForm: SeedLegalForm;
  areaType: SeedAreaType;
  /**
   * The województwa the partnership belongs to, as 2-digit TERC codes ("12"), sorted. Always includes the
   * województwo of every member; for a partnership without a loaded member it comes from what its sources say
   * about where it is (the basis is recorded in the authoring input).
   */
  voivodeships: string[];
  /** TERYT of the leader JST; must also appear in `members` with role LEADER. Absent if unknown. */
  leader?: string;
  website?: string;
  description?: string;
  /** true only when a source lists all members. */
  membersComplete: boolean;
  /** Why the list is incomplete or what is uncertain, in English. */
  completenessNote?: string;
  /** Member count stated by a source, where it differs from or adds to the named list. */
  statedMemberCount?: number;
  /** When the partnership started / the first day it no longer existed (partial dates), where a source says so. */
  started?: string;
  ended?: string;
  /** How it ended (only with `ended`). */
  endReason?: 'DISSOLVED' | 'MERGED' | 'REPLACED' | 'EXPIRED';
  /** Slug of the partnership that took over. */
  successor?: string;
  /** Where `started`, `ended`, `endReason` are stated; required with any of them. */
  periodSources?: SeedSource[];
  members: SeedMember[];
  partners: SeedPartner[];
  participations: SeedParticipation[];
  unmatched: SeedUnmatchedMember[];
  sources: SeedSource[];
}

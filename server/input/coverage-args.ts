import type { Day } from '../time/as-of.js';
import { parseAsOf } from './as-of.js';
import { AreaType, LegalForm, ParticipationStatus } from '../partnership/partnership-enums.js';
import { enumValue, listOf, type FieldParsers } from './object.js';
import { parseProgrammeCode } from './programme-code.js';
import { parseVoivodeship } from './teryt.js';

/**
 * The arguments of `coverage` after parsing: the same conditions the map's filters and the
 * `partnerships` filter put on partnerships (null or empty: no condition).
 */
export interface CoverageQuery {
  programme: string | null;
  /** The day the coverage describes; null: today (with a programme: its whole period, see CoverageService). */
  asOf: Day | null;
  voivodeship: string | null;
  statuses: ParticipationStatus[];
  legalForms: LegalForm[];
  areaTypes: AreaType[];
}

type RawCoverageArgs = { [K in keyof CoverageQuery]?: unknown };

const PARSERS: FieldParsers<CoverageQuery> = {
  programme: parseProgrammeCode,
  asOf: (field, value) => parseAsOf(field, value)!, // called only with a value
  voivodeship: parseVoivodeship,
  statuses: listOf(enumValue(ParticipationStatus)),
  legalForms: listOf(enumValue(LegalForm)),
  areaTypes: listOf(enumValue(AreaType)),
};

const uniqueSorted = <T extends string>(values: T[]): T[] => [...new Set(values)].sort();

/** Parses each argument under its own name; lists come back without repeats, sorted (one cache entry per meaning). */
export function parseCoverageArgs(raw: RawCoverageArgs): CoverageQuery {
  const given = <K extends keyof CoverageQuery>(key: K): NonNullable<CoverageQuery[K]> | null =>
    raw[key] == null ? null : (PARSERS[key] as (field: string, value: unknown) => NonNullable<CoverageQuery[K]>)(key, raw[key]);
  return {
    programme: given('programme'),
    asOf: given('asOf'),
    voivodeship: given('voivodeship'),
    statuses: uniqueSorted(given('statuses') ?? []),
    legalForms: uniqueSorted(given('legalForms') ?? []),
    areaTypes: uniqueSorted(given('areaTypes') ?? []),
  };
}

/** No condition at all: the whole country, every partnership. */
export const ALL_COVERAGE: CoverageQuery = { programme: null, asOf: null, voivodeship: null, statuses: [], legalForms: [], areaTypes: [] };

import { MembershipBasis } from '../partnership/partnership-enums.js';
import { InputError } from '../shared/errors.js';
import { parseOptionalText } from './text.js';

export interface ParsedBasis {
  basis: MembershipBasis;
  inferenceRule: string | null;
}

/** Words a spreadsheet may hold for a basis, English and Polish (the map's labels). */
const WORDS: Record<string, MembershipBasis> = {
  stated: MembershipBasis.STATED, wskazane: MembershipBasis.STATED, wskazany: MembershipBasis.STATED,
  inferred: MembershipBasis.INFERRED, wywnioskowane: MembershipBasis.INFERRED, wywnioskowany: MembershipBasis.INFERRED,
};

/** Longest rule: a few sentences. */
const RULE_MAX = 1000;

/**
 * A membership's basis and inference rule, together: INFERRED needs the rule (how the source's
 * words imply the member), STATED must not have one. `basis` omitted is STATED. Fields are named
 * `<field>.basis` and `<field>.inferenceRule`.
 */
export function parseMemberBasis(field: string, basis: unknown, rule: unknown): ParsedBasis {
  const word = typeof basis === 'string' ? WORDS[basis.trim().toLowerCase()] : undefined;
  if (basis != null && !word) throw new InputError(`${field}.basis`, `"${String(basis)}" is not a basis (STATED/wskazane, INFERRED/wywnioskowane)`, 'NOT_ALLOWED');
  const parsedBasis = word ?? MembershipBasis.STATED;
  const inferenceRule = parseOptionalText(`${field}.inferenceRule`, rule, { max: RULE_MAX, multiline: true }) ?? null;
  if (parsedBasis === MembershipBasis.INFERRED && !inferenceRule) {
    throw new InputError(`${field}.inferenceRule`, 'an INFERRED membership needs its rule: how the source\'s words imply this member', 'EMPTY');
  }
  if (parsedBasis === MembershipBasis.STATED && inferenceRule) {
    throw new InputError(`${field}.inferenceRule`, 'only an INFERRED membership has an inference rule; set basis INFERRED or leave the rule out', 'NOT_ALLOWED');
  }
  return { basis: parsedBasis, inferenceRule };
}

import { AreaType, LegalForm, PartnershipEndReason, type MemberRole, type MembershipBasis } from '../partnership/partnership-enums.js';
import { parseSlug } from './slug.js';
import { InputError } from '../shared/errors.js';
import type { SourceData } from '../shared/source.js';
import { parseMemberBasis } from './member-basis.js';
import { enumValue, parseBoolean } from './object.js';
import { parseOptionalPartialDate } from './partial-date.js';
import { parseSources, type RawSource } from './source.js';
import { parseName, parseOptionalText } from './text.js';
import { parseCurrentTeryt, parseVoivodeships } from './teryt.js';
import { parseWebsite } from './website.js';

/** Fields of a partnership a client may set, after parsing; null clears an optional one. */
export interface PartnershipFields {
  name: string;
  shortName: string | null;
  legalForm: LegalForm;
  areaType: AreaType;
  leader: string | null;
  website: string | null;
  description: string | null;
  membersComplete: boolean;
  completenessNote: string | null;
  statedMemberCount: number | null;
  sources: SourceData[];
  /** 2-digit TERC codes of the województwa the partnership belongs to (sorted, no repeats). */
  voivodeships: string[];
  started: string | null;
  ended: string | null;
  endReason: PartnershipEndReason | null;
  /** Slug of the successor (whether it exists is the service's question). */
  successor: string | null;
  periodSources: SourceData[];
}

/** A partnership patch as GraphQL hands it over: undefined = not given, null = clear (or keep, for required fields). */
export type RawPartnershipPatch = { [K in keyof PartnershipFields]?: unknown };

function parseMemberCount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 3000) throw new InputError(field, 'must be a whole number from 0 to 3000', 'OUT_OF_RANGE');
  return value;
}

/** Parses the given fields of a partnership patch; leaves out those not given (and required ones sent as null). */
export function parsePartnershipPatch(patch: RawPartnershipPatch): Partial<PartnershipFields> {
  const out: Partial<PartnershipFields> = {};
  if (patch.name != null) out.name = parseName('name', patch.name);
  if (patch.shortName !== undefined) out.shortName = patch.shortName === null ? null : parseName('shortName', patch.shortName, 80);
  if (patch.legalForm != null) out.legalForm = enumValue(LegalForm)('legalForm', patch.legalForm);
  if (patch.areaType != null) out.areaType = enumValue(AreaType)('areaType', patch.areaType);
  if (patch.leader !== undefined) out.leader = patch.leader === null ? null : parseCurrentTeryt('leader', patch.leader);
  if (patch.website !== undefined) out.website = patch.website === null ? null : parseWebsite('website', patch.website);
  if (patch.description !== undefined) out.description = parseOptionalText('description', patch.description, { max: 5000, multiline: true }) ?? null;
  if (patch.membersComplete != null) out.membersComplete = parseBoolean('membersComplete', patch.membersComplete);
  if (patch.completenessNote !== undefined) out.completenessNote = parseOptionalText('completenessNote', patch.completenessNote, { max: 2000, multiline: true }) ?? null;
  if (patch.statedMemberCount !== undefined) out.statedMemberCount = patch.statedMemberCount === null ? null : parseMemberCount('statedMemberCount', patch.statedMemberCount);
  if (patch.sources != null) out.sources = parseSources('sources', patch.sources as RawSource[]);
  if (patch.voivodeships != null) out.voivodeships = parseVoivodeships('voivodeships', patch.voivodeships);
  if (patch.started !== undefined) out.started = parseOptionalPartialDate('started', patch.started) ?? null;
  if (patch.ended !== undefined) out.ended = parseOptionalPartialDate('ended', patch.ended) ?? null;
  if (patch.endReason !== undefined) out.endReason = patch.endReason === null ? null : enumValue(PartnershipEndReason)('endReason', patch.endReason);
  if (patch.successor !== undefined) out.successor = patch.successor === null ? null : parseSlug('successor', patch.successor);
  if (patch.periodSources !== undefined) out.periodSources = patch.periodSources === null ? [] : parseSources('periodSources', patch.periodSources as RawSource[]);
  return out;
}

/**
 * A partnership's life span as it will be after a write (the stored values with the patch applied):
 * ended not before started, an end reason only with an end, dated periods sourced. The same order
 * the database checks (`partnership_period_order`), so a bad patch is an input error, not a 500.
 */
export function checkPeriod(span: { started: string | null; ended: string | null; endReason: string | null; periodSources: readonly unknown[] }): void {
  const { started, ended, endReason, periodSources } = span;
  if (started && ended && ended < started) throw new InputError('ended', `${ended} is before started ${started}`, 'OUT_OF_ORDER');
  if (endReason && !ended) throw new InputError('endReason', 'an end reason needs an end date (ended)', 'NEEDS_END');
  if ((started || ended) && periodSources.length === 0) throw new InputError('periodSources', 'a start or end date needs at least one source (a public URL or seeds/<file>)', 'EMPTY');
}

/** One member after parsing (its code well-formed; whether it exists is the service's question). */
export interface ParsedMember {
  teryt: string;
  role: MemberRole;
  joined: string | null;
  left: string | null;
  basis: MembershipBasis;
  inferenceRule: string | null;
  sources: SourceData[];
}

/** Most members one partnership may list (more than all gminy of the largest województwo). */
const MAX_MEMBERS = 3000;

/** A member list: codes well-formed, no JST twice, dates real and in order, each membership sourced. */
export function parseMembers(
  field: string,
  members: readonly { teryt: unknown; role: MemberRole; joined?: unknown; left?: unknown; basis?: unknown; inferenceRule?: unknown; sources: readonly RawSource[] }[],
): ParsedMember[] {
  if (members.length > MAX_MEMBERS) throw new InputError(field, `at most ${MAX_MEMBERS.toLocaleString('en')} members`, 'TOO_LONG');
  const seen = new Set<string>();
  return members.map((m, i) => {
    const at = `${field}[${i}]`;
    const teryt = parseCurrentTeryt(`${at}.teryt`, m.teryt);
    if (seen.has(teryt)) throw new InputError(`${at}.teryt`, `${teryt} is listed twice`, 'DUPLICATE');
    seen.add(teryt);
    const joined = parseOptionalPartialDate(`${at}.joined`, m.joined) ?? null;
    const left = parseOptionalPartialDate(`${at}.left`, m.left) ?? null;
    if (joined && left && left < joined) throw new InputError(`${at}.left`, `${left} is before joined ${joined}`, 'OUT_OF_ORDER');
    return { teryt, role: m.role, joined, left, ...parseMemberBasis(at, m.basis, m.inferenceRule), sources: parseSources(`${at}.sources`, m.sources) };
  });
}

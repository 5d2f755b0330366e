import type { Em } from '../db/orm.js';
import { query, textArray } from '../db/sql.js';
import { checkTeryt } from '../shared/checks.js';
import { InputError } from '../shared/errors.js';
import { checkSources } from '../shared/source-input.js';
import type { SourceData } from '../shared/source.js';
import type { MemberRole } from './partnership-enums.js';
import type { MemberInput, PartnershipPatch } from './partnership-write.inputs.js';

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function checkSlug(slug: string): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 120) throw new InputError('slug', 'must be 1–120 lowercase letters, digits and single hyphens');
  return slug;
}

export function checkPartialDate(field: string, value: string | null | undefined): string | null {
  if (value == null || value === '') return null;
  if (!PARTIAL_DATE.test(value)) throw new InputError(field, `"${value}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD`);
  if (value.length === 10 && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) throw new InputError(field, `${value} is not a day of the calendar`);
  return value;
}

function checkText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text) throw new InputError(field, 'must not be empty');
  if (text.length > max) throw new InputError(field, `is limited to ${max} characters`);
  return text;
}

/** Checks the scalar fields of a patch; returns them cleaned, leaving out those not given. */
export function checkPatch(patch: PartnershipPatch): Partial<{
  name: string; shortName: string | null; legalForm: PartnershipPatch['legalForm']; areaType: PartnershipPatch['areaType'];
  website: string | null; description: string | null; membersComplete: boolean; completenessNote: string | null;
  statedMemberCount: number | null; sources: SourceData[]; voivodeships: string[];
}> {
  const out: ReturnType<typeof checkPatch> = {};
  if (patch.name != null) out.name = checkText('name', patch.name, 300);
  if (patch.shortName !== undefined) out.shortName = patch.shortName ? checkText('shortName', patch.shortName, 80) : null;
  if (patch.legalForm != null) out.legalForm = patch.legalForm;
  if (patch.areaType != null) out.areaType = patch.areaType;
  if (patch.website !== undefined) {
    if (patch.website && !/^https?:\/\/\S{3,500}$/.test(patch.website)) throw new InputError('website', 'must be an http(s) URL');
    out.website = patch.website || null;
  }
  if (patch.description !== undefined) out.description = patch.description ? checkText('description', patch.description, 5000) : null;
  if (patch.membersComplete != null) out.membersComplete = patch.membersComplete;
  if (patch.completenessNote !== undefined) out.completenessNote = patch.completenessNote ? checkText('completenessNote', patch.completenessNote, 2000) : null;
  if (patch.statedMemberCount !== undefined) {
    if (patch.statedMemberCount != null && (!Number.isInteger(patch.statedMemberCount) || patch.statedMemberCount < 0 || patch.statedMemberCount > 3000)) {
      throw new InputError('statedMemberCount', 'must be a whole number from 0 to 3000');
    }
    out.statedMemberCount = patch.statedMemberCount ?? null;
  }
  if (patch.sources != null) out.sources = checkSources('sources', patch.sources);
  if (patch.voivodeships != null) out.voivodeships = checkVoivodeships('voivodeships', patch.voivodeships);
  return out;
}

/** A non-empty list of 2-digit TERC codes of województwa; returned without repeats, sorted. */
export function checkVoivodeships(field: string, codes: readonly string[]): string[] {
  if (!codes.length) throw new InputError(field, 'at least one województwo (2-digit TERC code, e.g. "12") is required');
  codes.forEach((code, i) => {
    if (!/^\d{2}$/.test(code)) throw new InputError(`${field}[${i}]`, `"${code}" is not a 2-digit TERC code of a województwo`);
    checkTeryt(`${field}[${i}]`, code);
  });
  return [...new Set(codes)].sort();
}

/**
 * Every member must lie in one of the partnership's województwa, so the województwa a regional
 * token is checked against cover all of it. `fieldOf` names the input field of the i-th member.
 */
export function checkMembersWithin(voivodeships: readonly string[], teryts: readonly string[], fieldOf: (i: number) => string): void {
  teryts.forEach((teryt, i) => {
    const voivodeship = teryt.slice(0, 2);
    if (!voivodeships.includes(voivodeship)) {
      throw new InputError(fieldOf(i), `${teryt} lies in województwo ${voivodeship}, which is not among the partnership's (${voivodeships.join(', ') || 'none'}); add it to voivodeships first`);
    }
  });
}

export interface CheckedMember {
  teryt: string;
  role: MemberRole;
  joined: string | null;
  left: string | null;
  sources: SourceData[];
}

/** Checks a member list: codes well-formed and existing, no JST twice, dates valid and in order, sources given. */
export async function checkMembers(em: Em, members: readonly MemberInput[], field = 'members'): Promise<CheckedMember[]> {
  if (members.length > 3000) throw new InputError(field, 'at most 3,000 members');
  const seen = new Set<string>();
  const checked = members.map((m, i) => {
    const at = `${field}[${i}]`;
    const teryt = checkTeryt(`${at}.teryt`, m.teryt);
    if (seen.has(teryt)) throw new InputError(`${at}.teryt`, `${teryt} is listed twice`);
    seen.add(teryt);
    const joined = checkPartialDate(`${at}.joined`, m.joined);
    const left = checkPartialDate(`${at}.left`, m.left);
    if (joined && left && left < joined) throw new InputError(`${at}.left`, `${left} is before joined ${joined}`);
    return { teryt, role: m.role, joined, left, sources: checkSources(`${at}.sources`, m.sources) };
  });
  if (checked.length) {
    const found = await query<{ teryt: string }>(em, `select teryt from jst where teryt = any(?::text[])`, [textArray(checked.map((m) => m.teryt))]);
    const known = new Set(found.map((r) => r.teryt));
    const missing = checked.findIndex((m) => !known.has(m.teryt));
    if (missing >= 0) throw new InputError(`${field}[${missing}].teryt`, `no JST with TERYT code ${checked[missing]!.teryt}`);
  }
  return checked;
}

/** The leader must be one of the (current) members. */
export function checkLeader(leader: string | null, members: readonly { teryt: string; left?: string | null }[]): void {
  if (!leader) return;
  const member = members.find((m) => m.teryt === leader);
  if (!member) throw new InputError('leader', `leader ${leader} must be one of the members`);
}

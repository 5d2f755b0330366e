import type { Em } from '../db/orm.js';
import { query, textArray } from '../db/sql.js';
import { parseMembers, type ParsedMember } from '../input/partnership-patch.js';
import { InputError } from '../shared/errors.js';
import type { MemberInput } from './partnership-write.inputs.js';

/** A member list that passed its parser and whose JSTs all exist. */
export type CheckedMember = ParsedMember;

/** Why a member may not join a partnership of these województwa, or null when it lies in one of them. */
export function outsideVoivodeships(voivodeships: readonly string[], teryt: string): string | null {
  const voivodeship = teryt.slice(0, 2);
  if (voivodeships.includes(voivodeship)) return null;
  return `${teryt} lies in województwo ${voivodeship}, which is not among the partnership's (${voivodeships.join(', ') || 'none'}); add it to voivodeships first`;
}

/**
 * Every member must lie in one of the partnership's województwa, so the województwa a regional
 * token is checked against cover all of it. `fieldOf` names the input field of the i-th member.
 */
export function checkMembersWithin(voivodeships: readonly string[], teryts: readonly string[], fieldOf: (i: number) => string): void {
  teryts.forEach((teryt, i) => {
    const outside = outsideVoivodeships(voivodeships, teryt);
    if (outside) throw new InputError(fieldOf(i), outside);
  });
}

/** Parses a member list (server/input) and checks that every JST it names exists, in one statement. */
export async function checkMembers(em: Em, members: readonly MemberInput[], field = 'members'): Promise<CheckedMember[]> {
  const checked = parseMembers(field, members);
  if (checked.length) {
    const found = await query<{ teryt: string }>(em, `select teryt from jst where teryt = any(?::text[])`, [textArray(checked.map((m) => m.teryt))]);
    const known = new Set(found.map((r) => r.teryt));
    const missing = checked.findIndex((m) => !known.has(m.teryt));
    if (missing >= 0) throw new InputError(`${field}[${missing}].teryt`, `no JST with TERYT code ${checked[missing]!.teryt}`, 'NOT_FOUND');
  }
  return checked;
}

/** The leader must be one of the (current) members. */
export function checkLeader(leader: string | null, members: readonly { teryt: string; left?: string | null }[]): void {
  if (!leader) return;
  const member = members.find((m) => m.teryt === leader);
  if (!member) throw new InputError('leader', `leader ${leader} must be one of the members`, 'NOT_A_MEMBER');
}

import type { Em } from '../db/orm.js';
import { query, textArray } from '../db/sql.js';
import { parseMembers, type ParsedMember } from '../input/partnership-patch.js';
import { InputError } from '../shared/errors.js';
import type { MemberInput } from './partnership-write.inputs.js';

/** A member list that passed its parser and whose JSTs all exist. */
export type CheckedMember = ParsedMember;

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

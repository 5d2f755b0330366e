import { registerDescribedEnum } from '../shared/describe-enum.js';

/** What a token may change. Anyone may read without one. */
export enum Role {
  /** Partnerships, memberships, participations; optionally only in some województwa. */
  EDITOR = 'EDITOR',
  /** Everything an editor may, plus programmes, tokens and geodata import, everywhere. */
  ADMIN = 'ADMIN',
}

registerDescribedEnum(Role, 'Role', 'Role of an API token', {
  EDITOR: 'Creates and changes partnerships, their members and participations, and imports member lists; optionally only in some województwa',
  ADMIN: 'Everything an editor may, plus programmes and API tokens, everywhere',
});

/** Who is calling, as established from the request's token; null for anonymous readers. */
export interface Actor {
  name: string;
  role: Role;
  /** TERC codes of the województwa an editor is limited to; null for no limit. */
  voivodeships: string[] | null;
}

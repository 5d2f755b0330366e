import { ForbiddenError, UnauthenticatedError } from '../shared/errors.js';
import { Role, type Actor } from './role.js';

/** The caller must hold a token of at least `role`. */
export function requireRole(actor: Actor | null, role: Role): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (role === Role.ADMIN && actor.role !== Role.ADMIN) throw new ForbiddenError(`this change needs an admin token; "${actor.name}" is an editor`);
  return actor;
}

/**
 * What a change touches, as parsed values: the województwa of every partnership it reads or
 * writes (before and after the change) and the TERYT codes of every JST it reads or writes
 * (members before and after, leader).
 */
export interface Scope {
  /** 2-digit TERC codes of the partnerships' województwa; an empty list is a partnership of unknown place. */
  voivodeships: readonly string[];
  /** TERYT codes (2, 4 or 7 digits) of the JSTs touched. */
  teryts: readonly string[];
}

/** The województwa of a scope that lie outside the actor's regions (empty when the actor may touch it all). */
function outsideOf(actor: Actor, scope: Scope): string[] {
  if (!actor.voivodeships) return [];
  const allowed = new Set(actor.voivodeships);
  const codes = [...scope.voivodeships, ...scope.teryts.map((t) => t.slice(0, 2))];
  return [...new Set(codes.filter((v) => !allowed.has(v)))].sort();
}

/**
 * A regional editor may touch only what lies wholly inside its województwa: every partnership
 * (all of its województwa) and every JST of the change. A partnership with no known województwo
 * is inside nobody's region, so regional editors cannot claim it; global editors and admins may
 * touch everything.
 */
export function inScope(actor: Actor, scope: Scope): boolean {
  if (!actor.voivodeships) return true;
  return outsideOf(actor, scope).length === 0 && scope.voivodeships.length > 0;
}

/** Throws FORBIDDEN unless `actor` may touch `scope` (see {@link inScope}); for records addressed by public keys (slugs). */
export function requireScope(actor: Actor, scope: Scope): void {
  if (inScope(actor, scope)) return;
  const outside = outsideOf(actor, scope);
  const touches = outside.length ? `this change touches województwa ${outside.join(', ')}` : 'this partnership names no województwo';
  throw new ForbiddenError(`token "${actor.name}" may edit only in województwa ${actor.voivodeships!.join(', ')}; ${touches}`);
}

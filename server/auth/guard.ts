import { ForbiddenError, UnauthenticatedError } from '../shared/errors.js';
import { Role, type Actor } from './role.js';

/** The caller must hold a token of at least `role`. */
export function requireRole(actor: Actor | null, role: Role): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (role === Role.ADMIN && actor.role !== Role.ADMIN) throw new ForbiddenError(`this change needs an admin token; "${actor.name}" is an editor`);
  return actor;
}

/**
 * A regional editor may only touch JSTs in its województwa: every code the change reads or
 * writes (members before and after, leader) must lie there.
 */
export function requireRegion(actor: Actor, teryts: Iterable<string>): void {
  if (!actor.voivodeships) return;
  const outside = [...new Set([...teryts].filter((t) => !actor.voivodeships!.includes(t.slice(0, 2))))];
  if (outside.length) {
    throw new ForbiddenError(
      `token "${actor.name}" may edit only in województwa ${actor.voivodeships.join(', ')}; this change touches ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ' …' : ''}`,
    );
  }
}

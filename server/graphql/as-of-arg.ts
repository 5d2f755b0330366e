import type { Day } from '../time/as-of.js';

/** The description of every `asOf` argument: one wording, so the schema says the same thing everywhere. */
export const AS_OF_DESCRIPTION =
  'The day the answer describes, YYYY-MM-DD (UTC): partnerships running and members belonging on that day; nested fields (members, functional area, memberships) follow it. Omit for today. Anything but a real calendar day is a BAD_USER_INPUT error';

/** An object of an `asOf` read: marked with the day, so nested field resolvers answer for the same day. */
export type AsOfMarked = { asOf?: Day | null };

/** The day a nested field's parent was read for (the contract of server/time/as-of.ts); null: today. */
export function askedDay(root: unknown): Day | null {
  return (root as AsOfMarked | null | undefined)?.asOf ?? null;
}

/**
 * Marks the objects a root field returns with the day asked for (plain, non-GraphQL property). A
 * no-op without `asOf`, so today's reads are not copied. Returns the same objects.
 */
export function markAsOf<T extends object>(objects: T[], asOf: Day | null | undefined): T[] {
  if (asOf) for (const o of objects) (o as AsOfMarked).asOf = asOf;
  return objects;
}

/**
 * A view of a shared object (an entity of the request's identity map) marked with the day: the
 * object itself stays unmarked for other fields of the same request. The object itself without `asOf`.
 */
export function asOfView<T extends object>(object: T, asOf: Day | null | undefined): T {
  return asOf ? (Object.assign(Object.create(object) as T, { asOf }) as T) : object;
}

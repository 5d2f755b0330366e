import { today, type Day } from '../time/as-of.js';

/**
 * The first day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) stands for: '2021' → '2021-01-01'.
 * Mirrors the SQL function `atlas_day_from` (Migration20261128000000_time).
 */
export function dayFrom(partial: string): Day {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

/**
 * Whether something that began on `since` and stopped on `until` (partial dates; null: unbounded)
 * existed on `day`: `until` is the first day it no longer did. Mirrors `atlas_active_on`, which every
 * SQL read uses, so a resolver filtering loaded rows agrees with the statements.
 */
export function activeOn(since: string | null | undefined, until: string | null | undefined, day: Day): boolean {
  return (!since || dayFrom(since) <= day) && (!until || dayFrom(until) > day);
}

/** A membership counts on `day` (default today, UTC): the JST had joined and not yet left. */
export function isCurrent(m: { joined?: string | null; left?: string | null }, day: Day = today()): boolean {
  return activeOn(m.joined, m.left, day);
}

/**
 * The memberships that count on `asOf` (null: today), each marked with the day for its own
 * resolvers (`current`); with `includeFormer`, all of them. Marked as views over the loaded rows
 * (Object.create), so two root fields of one request asking for two days share the rows unchanged.
 */
export function membershipsOnDay<M extends { joined?: string | null; left?: string | null }>(all: readonly M[], asOf: Day | null, includeFormer: boolean): M[] {
  const day = asOf ?? today();
  const kept = includeFormer ? [...all] : all.filter((m) => isCurrent(m, day));
  return asOf === null ? kept : kept.map((m) => Object.assign(Object.create(m) as M, { asOf }));
}

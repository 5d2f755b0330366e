/**
 * "As of" a day: the one spelling of the time conditions every read uses (GraphQL, exports, OGC API,
 * tiles). What a partial date means on a day is decided by the SQL functions of
 * Migration20261128000000_time (`atlas_active_on`, `atlas_overlaps`); this module only writes the calls.
 *
 * A day is always `YYYY-MM-DD`, in UTC, and has passed `parseAsOf` (server/input/as-of.ts) or comes
 * from `today()`, so it can be spelled into SQL text: keeping it in the text lets the planner see a
 * constant and lets caches key by the statement.
 */

/** A calendar day, `YYYY-MM-DD` (UTC). */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in UTC: what an answer without `asOf` describes. */
export function today(now: Date = new Date()): Day {
  return now.toISOString().slice(0, 10);
}

/** The day as a SQL literal; refuses anything but YYYY-MM-DD, so no caller can smuggle text into SQL. */
export function dayLiteral(day: Day): string {
  if (!DAY.test(day)) throw new Error(`not a day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return `'${day}'`;
}

/** The day a read describes: the one asked for, or today. */
export function dayOf(asOf: Day | null | undefined): Day {
  return asOf ?? today();
}

/** SQL: membership alias `m` counted on `day` (joined by then, not yet left). */
export function membershipActiveSql(m: string, day: Day): string {
  return `atlas_active_on(${m}.joined, ${m}."left", ${dayLiteral(day)})`;
}

/** SQL: partnership alias `p` running on `day` (started by then, not yet ended, not archived). */
export function partnershipActiveSql(p: string, day: Day): string {
  return `(${p}.archived_at is null and atlas_active_on(${p}.started, ${p}.ended, ${dayLiteral(day)}))`;
}

/**
 * SQL: membership alias `m` overlapping a period given as SQL expressions of partial dates (e.g. a
 * programme's `pr.start_date`, `pr.end_date`, or a participation's own period); null bounds are open.
 */
export function membershipOverlapsSql(m: string, periodFrom: string, periodTo: string): string {
  return `atlas_overlaps(${m}.joined, ${m}."left", ${periodFrom}, ${periodTo})`;
}

/**
 * SQL: membership alias `m` counts on `day`: the member had joined and not left, and its partnership
 * had started, not ended and is not archived. What "a current member" means wherever a read counts
 * members across partnerships (coverage, tiles, a JST's memberships, exports).
 */
export function membershipCountsSql(m: string, day: Day): string {
  return `(${membershipActiveSql(m, day)} and exists (select 1 from partnership ap where ap.id = ${m}.partnership_id and ${partnershipActiveSql('ap', day)}))`;
}

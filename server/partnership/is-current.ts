/**
 * A membership counts until the day the JST left; dates may be partial (YYYY, YYYY-MM).
 * Mirrors the SQL function `membership_is_current`, which the functional area uses.
 */
export function isCurrent(m: { left?: string | null }, today = new Date().toISOString().slice(0, 10)): boolean {
  return !m.left || m.left > today;
}

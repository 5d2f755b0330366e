import { dayLiteral, membershipActiveSql, membershipCountsSql, membershipOverlapsSql, partnershipActiveSql, today, type Day } from './as-of.js';

/**
 * What a read of exports, the OGC API and tiles describes in time: the state on one day (`asOf`,
 * an OGC instant), or everything that existed at some time in a period (an OGC interval; either end
 * open). Spelled into SQL through server/time/as-of.ts, so the meaning of a partial date stays the
 * one of the SQL functions `atlas_active_on` / `atlas_overlaps`.
 */
export type TimeScope = { day: Day } | { from: Day | null; to: Day | null };

/** The state on `day`, today when none is given. */
export const dayScope = (day?: Day | null): TimeScope => ({ day: day ?? today() });

/** A period bound as SQL: a day literal, or null (open). */
const bound = (day: Day | null) => (day === null ? 'null' : dayLiteral(day));

/** SQL: membership alias `m` lies in the scope (member on the day, or at some time in the period). */
export function memberInScopeSql(m: string, scope: TimeScope): string {
  return 'day' in scope ? membershipActiveSql(m, scope.day) : membershipOverlapsSql(m, bound(scope.from), bound(scope.to));
}

/** SQL: partnership alias `p` lies in the scope (running on the day, or at some time in the period) and is not archived. */
export function partnershipInScopeSql(p: string, scope: TimeScope): string {
  if ('day' in scope) return partnershipActiveSql(p, scope.day);
  return `(${p}.archived_at is null and atlas_overlaps(${p}.started, ${p}.ended, ${bound(scope.from)}, ${bound(scope.to)}))`;
}

/** SQL: membership alias `m` counts in the scope: it and its partnership both lie in it (membershipCountsSql on a day). */
export function membershipCountsInScopeSql(m: string, scope: TimeScope): string {
  if ('day' in scope) return membershipCountsSql(m, scope.day);
  return `(${memberInScopeSql(m, scope)} and exists (select 1 from partnership sp where sp.id = ${m}.partnership_id and ${partnershipInScopeSql('sp', scope)}))`;
}

/** A short text naming the scope, for cache keys and the files that say what they describe: `2015-06-01`, `2014-01-01/..`. */
export function scopeLabel(scope: TimeScope): string {
  return 'day' in scope ? scope.day : `${scope.from ?? '..'}/${scope.to ?? '..'}`;
}

/**
 * SQL of a scalar subquery: the functional area of partnership alias `p` from its members that meet
 * `member` (SQL over membership alias `am`), as `refresh_partnership_area` builds the stored one
 * (gminy and powiaty; a województwo does not extend it). `what` picks the geometry (EPSG:4326), the
 * member count or the area in km².
 */
export function memberAreaSql(p: string, member: string, what: 'geom' | 'members' | 'km2'): string {
  const union = 'ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(aj.boundary)), 3))';
  const select = what === 'geom' ? union : what === 'members' ? 'count(*)::int' : `coalesce(ST_Area(${union}::geography) / 1e6, 0)`;
  return `(select ${select} from membership am join jst aj on aj.teryt = am.jst_teryt
    where am.partnership_id = ${p}.id and aj.level <> 'VOIVODESHIP' and ${member})`;
}

/** The functional area of partnership alias `p` from its members in the scope (memberAreaSql). */
export const scopedAreaSql = (p: string, scope: TimeScope, what: 'geom' | 'members' | 'km2') => memberAreaSql(p, memberInScopeSql('am', scope), what);

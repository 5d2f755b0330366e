import { participationFromSql, participationToSql } from '../programme/programme-period.js';
import { membershipCountsSql, membershipOverlapsSql, partnershipActiveSql, today, type Day } from '../time/as-of.js';

/**
 * What a tile describes in time: the state on a day (`?asOf=`; today without any time), a
 * programme's period (`?period=CODE`, `&phase=`): the members of the programme's partnerships at some
 * time in the period of their participation (its own, else its phase's, else the programme's, each
 * bound on its own), or both: the members on the day that also count for the programme's period (as
 * GraphQL `coverage(programme, asOf)` counts them).
 */
export interface TileTime {
  day: Day | null;
  period: { programme: string; phase: string | null } | null;
}

/** SQL conditions with their parameters (programme and phase codes travel as parameters). */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** Today's state: what a tile URL without a time parameter describes, and the only one warmed up. */
export const todayTile = (): TileTime => ({ day: today(), period: null });

/** Key of the time in the tile cache and the layer builds: `d:2015-06-01`, `p:ZIT-2014-2020`, `p:SLZ:I`. */
export function tileTimeKey({ day, period }: TileTime): string {
  const p = period === null ? '' : `p:${period.programme}${period.phase === null ? '' : `:${period.phase}`}`;
  return [day === null ? '' : `d:${day}`, p].filter(Boolean).join('|');
}

/** SQL: the partnership `pid` (an id expression) takes part in the programme and it, and membership `m` when given, overlap the participation's counting period (programme-period.ts). */
function inPeriod(pid: string, period: NonNullable<TileTime['period']>, m: string | null): SqlCondition {
  const [from, to] = [participationFromSql('tpa', 'tpr'), participationToSql('tpa', 'tpr')];
  const member = m === null ? '' : ` and ${membershipOverlapsSql(m, from, to)}`;
  return {
    sql: `exists (select 1 from participation tpa join programme tpr on tpr.id = tpa.programme_id join partnership tp on tp.id = tpa.partnership_id
      where tpa.partnership_id = ${pid} and tp.archived_at is null and tpr.code = ?${period.phase === null ? '' : ' and tpa.phase = ?'}
        and atlas_overlaps(tp.started, tp.ended, ${from}, ${to})${member})`,
    params: period.phase === null ? [period.programme] : [period.programme, period.phase],
  };
}

/** Both conditions (either may be absent; none at all is true). */
function both(day: string | null, period: SqlCondition | null): SqlCondition {
  const parts = [day, period?.sql].filter((s): s is string => !!s);
  return { sql: parts.length ? parts.join(' and ') : 'true', params: period?.params ?? [] };
}

/** SQL: membership alias `m` counts in the tile's time (on the day with its partnership running, and/or in the programme's period). */
export function tileMemberSql(m: string, { day, period }: TileTime): SqlCondition {
  return both(day === null ? null : membershipCountsSql(m, day), period === null ? null : inPeriod(`${m}.partnership_id`, period, m));
}

/** SQL: partnership alias `p` is drawn in the tile's time (running on the day, and/or in the programme during its period). */
export function tilePartnershipSql(p: string, { day, period }: TileTime): SqlCondition {
  return both(day === null ? null : partnershipActiveSql(p, day), period === null ? null : inPeriod(`${p}.id`, period, null));
}

/** SQL: partnership `pid` takes part in the period's programme (and phase), whatever the dates. */
function takesPart(pid: string, period: NonNullable<TileTime['period']>): SqlCondition {
  return {
    sql: `exists (select 1 from participation xpa join programme xpr on xpr.id = xpa.programme_id where xpa.partnership_id = ${pid} and xpr.code = ?${period.phase === null ? '' : ' and xpa.phase = ?'})`,
    params: period.phase === null ? [period.programme] : [period.programme, period.phase],
  };
}

/**
 * The `areas` and `labels` layers draw every partnership, not only the programme's: the map picks the
 * areas it shows by slug, and a partnership selected outside the programme filter must keep its
 * outline. With a period, a partnership outside the programme is drawn as on the day (today
 * without `asOf`); one in it with the members of its period, as tileMemberSql counts them.
 */
export function tileAreaMemberSql(m: string, time: TileTime): SqlCondition {
  const own = tileMemberSql(m, time);
  if (time.period === null) return own;
  const part = takesPart(`${m}.partnership_id`, time.period);
  return { sql: `(${own.sql} or (not ${part.sql} and ${membershipCountsSql(m, time.day ?? today())}))`, params: [...own.params, ...part.params] };
}

/** The partnerships of the `areas` and `labels` layers (see tileAreaMemberSql). */
export function tileAreaPartnershipSql(p: string, time: TileTime): SqlCondition {
  const own = tilePartnershipSql(p, time);
  if (time.period === null) return own;
  const part = takesPart(`${p}.id`, time.period);
  return { sql: `(${own.sql} or (not ${part.sql} and ${partnershipActiveSql(p, time.day ?? today())}))`, params: [...own.params, ...part.params] };
}

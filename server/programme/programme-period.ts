import { membershipOverlapsSql } from '../time/as-of.js';

/**
 * The period a participation's members are counted in, as SQL over participation alias `pa` and its
 * programme alias `pr`: the participation's own dates where a source gives them, else those of the
 * phase it names (a `programme_phase` of the same programme with that code), else the programme's.
 * Each bound falls back on its own: a participation with only its own start still ends with its
 * phase or programme. Null bounds are open (see `atlas_overlaps`).
 */
function bound(pa: string, pr: string, own: 'started' | 'ended', phaseColumn: 'start_date' | 'end_date'): string {
  return `coalesce(${pa}.${own}, (select ph.${phaseColumn} from programme_phase ph where ph.programme_id = ${pa}.programme_id and ph.code = ${pa}.phase), ${pr}.${phaseColumn})`;
}

/** SQL: the first day of participation `pa`'s counting period (partial date), or null when open. */
export const participationFromSql = (pa: string, pr: string): string => bound(pa, pr, 'started', 'start_date');

/** SQL: the last day of participation `pa`'s counting period (partial date, inclusive), or null when open. */
export const participationToSql = (pa: string, pr: string): string => bound(pa, pr, 'ended', 'end_date');

/**
 * SQL: membership alias `m` counts for participation `pa` (programme alias `pr`): the membership's
 * period overlaps the participation's counting period. A gmina that joined in 2021 does not count
 * for ZIT 2014–2020, though it is a member today.
 */
export function countsForParticipationSql(m: string, pa: string, pr: string): string {
  return membershipOverlapsSql(m, participationFromSql(pa, pr), participationToSql(pa, pr));
}

import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { JST_COLUMNS, jstFromRow, type JstRow } from '../jst/jst.service.js';
import type { Jst } from '../jst/jst.entity.js';
import { json } from '../partnership/partnership-read.js';
import type { SourceData } from '../shared/source.js';
import { dayLiteral, type Day } from '../time/as-of.js';

/** A JST that joined or left a partnership on `date` (the date as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD). */
export interface MembershipChangeRow {
  partnershipId: number;
  jst: Jst;
  date: string;
  sources: SourceData[];
}

/** A partnership that started or ended on `date`. */
export interface PartnershipChangeRow {
  partnershipId: number;
  date: string;
  endReason: string | null;
  sources: SourceData[];
}

export interface ChangesResult {
  from: Day;
  to: Day;
  joined: MembershipChangeRow[];
  left: MembershipChangeRow[];
  started: PartnershipChangeRow[];
  ended: PartnershipChangeRow[];
}

/**
 * SQL: the first day of partial date `column` lies in [from, to]. A membership that joined "2021"
 * counts from 2021-01-01 (`atlas_day_from`), so it joined within 2021-01-01…2022-12-31.
 */
const within = (column: string, from: Day, to: Day) =>
  `${column} is not null and atlas_day_from(${column}) collate "C" >= ${dayLiteral(from)} and atlas_day_from(${column}) collate "C" <= ${dayLiteral(to)}`;

/**
 * What changed between two days, from the dated facts (membership joined/left, partnership
 * started/ended), not from the edit history: every change whose day lies in [from, to], so the state
 * at the end of `to` is the state at the end of the day before `from` with these changes applied.
 * Archived partnerships are left out, as in every list.
 */
export class ChangesService {
  constructor(private readonly em: Em) {}

  async between(from: Day, to: Day): Promise<ChangesResult> {
    const [joined, left, started, ended] = [
      await this.memberships('joined', from, to),
      await this.memberships('left', from, to),
      await this.partnerships('started', from, to),
      await this.partnerships('ended', from, to),
    ];
    return { from, to, joined, left, started, ended };
  }

  private async memberships(column: 'joined' | 'left', from: Day, to: Day): Promise<MembershipChangeRow[]> {
    const date = `m."${column}"`;
    const rows = await query<JstRow & { partnership_id: number; date: string; sources: unknown }>(
      this.em,
      `select m.partnership_id, ${date} as date, m.sources, ${JST_COLUMNS}
       from membership m join partnership p on p.id = m.partnership_id join jst j on j.teryt = m.jst_teryt
       where p.archived_at is null and ${within(date, from, to)}
       order by atlas_day_from(${date}) collate "C", p.slug, m.jst_teryt`,
    );
    return rows.map((r) => ({ partnershipId: r.partnership_id, jst: jstFromRow(r), date: r.date, sources: json(r.sources) }));
  }

  private async partnerships(column: 'started' | 'ended', from: Day, to: Day): Promise<PartnershipChangeRow[]> {
    const date = `p."${column}"`;
    const rows = await query<{ id: number; date: string; end_reason: string | null; sources: unknown }>(
      this.em,
      `select p.id, ${date} as date, p.end_reason, p.period_sources as sources from partnership p
       where p.archived_at is null and ${within(date, from, to)} order by atlas_day_from(${date}) collate "C", p.slug`,
    );
    return rows.map((r) => ({ partnershipId: r.id, date: r.date, endReason: column === 'ended' ? r.end_reason : null, sources: json(r.sources) }));
  }
}

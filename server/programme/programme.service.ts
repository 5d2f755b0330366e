import type { Em } from '../db/orm.js';
import { intArray, query } from '../db/sql.js';
import { Programme } from './programme.entity.js';

/** What the atlas has loaded for a programme, to set beside the figures its sources report. */
export interface LoadedFigures {
  programmeId: number;
  partnerships: number;
  /** Distinct JSTs that are current members of those partnerships. */
  jsts: number;
  gminy: number;
  partnershipsWithCompleteMemberList: number;
}

export class ProgrammeService {
  constructor(private readonly em: Em) {}

  async list(): Promise<Programme[]> {
    // Phases and figures are loaded by the request's batch loaders, and only when a query asks for them.
    return this.em.find(Programme, {}, { orderBy: { startDate: 'asc', code: 'asc' } });
  }

  /** The programme with this (parsed) code; null when none has it. */
  async find(code: string): Promise<Programme | null> {
    return this.em.findOne(Programme, { code });
  }

  async loadedFigures(ids: readonly number[]): Promise<Map<number, LoadedFigures>> {
    const rows = await query<{ id: number; partnerships: number; complete: number; jsts: number; gminy: number }>(
      this.em,
      `select pr.id,
         (select count(distinct pa.partnership_id) from participation pa join partnership p on p.id = pa.partnership_id
            where pa.programme_id = pr.id and p.archived_at is null)::int as partnerships,
         (select count(distinct pa.partnership_id) from participation pa join partnership p on p.id = pa.partnership_id
            where pa.programme_id = pr.id and p.archived_at is null and p.members_complete)::int as complete,
         (select count(distinct m.jst_teryt) from participation pa join membership m on m.partnership_id = pa.partnership_id
            join partnership p on p.id = pa.partnership_id
            where pa.programme_id = pr.id and p.archived_at is null and membership_is_current(m."left"))::int as jsts,
         (select count(distinct m.jst_teryt) from participation pa join membership m on m.partnership_id = pa.partnership_id
            join partnership p on p.id = pa.partnership_id
            where pa.programme_id = pr.id and p.archived_at is null and membership_is_current(m."left") and length(m.jst_teryt) = 7)::int as gminy
       from programme pr where pr.id = any(?::int[])`,
      [intArray(ids)],
    );
    return new Map(
      rows.map((r) => [r.id, { programmeId: r.id, partnerships: r.partnerships, jsts: r.jsts, gminy: r.gminy, partnershipsWithCompleteMemberList: r.complete }]),
    );
  }
}

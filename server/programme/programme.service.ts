import type { Em } from '../db/orm.js';
import { intArray, query } from '../db/sql.js';
import { countsForParticipationSql } from './programme-period.js';
import { Programme } from './programme.entity.js';

/** Counts of what is loaded for a programme, over some of its participations. */
export interface LoadedCounts {
  partnerships: number;
  /** Distinct JSTs whose membership overlaps the counting period of their partnership's participation. */
  jsts: number;
  gminy: number;
}

/** What the atlas has loaded for a programme, to set beside the figures its sources report. */
export interface LoadedFigures extends LoadedCounts {
  programmeId: number;
  partnershipsWithCompleteMemberList: number;
  /** Over the participations the sources state. */
  confirmed: LoadedCounts;
  /** Over the participations the sources only make probable (`probable`). */
  probable: LoadedCounts;
}

/**
 * One row per programme and counted (participation, member): a member counts where its membership
 * overlaps the participation's counting period (server/programme/programme-period.ts); a
 * participation whose partnership has no such member still counts as a partnership (null member).
 */
const LOADED_SQL = `with counted as (
    select pa.programme_id, pa.partnership_id, pa.probable, p.members_complete, m.jst_teryt
    from participation pa join programme pr on pr.id = pa.programme_id
      join partnership p on p.id = pa.partnership_id and p.archived_at is null
      left join membership m on m.partnership_id = pa.partnership_id and ${countsForParticipationSql('m', 'pa', 'pr')}
    where pa.programme_id = any(?::int[])
  )
  select programme_id as id,
    count(distinct partnership_id)::int as partnerships, count(distinct partnership_id) filter (where members_complete)::int as complete,
    count(distinct jst_teryt)::int as jsts, count(distinct jst_teryt) filter (where length(jst_teryt) = 7)::int as gminy,
    count(distinct partnership_id) filter (where not probable)::int as c_partnerships, count(distinct jst_teryt) filter (where not probable)::int as c_jsts,
    count(distinct jst_teryt) filter (where not probable and length(jst_teryt) = 7)::int as c_gminy,
    count(distinct partnership_id) filter (where probable)::int as p_partnerships, count(distinct jst_teryt) filter (where probable)::int as p_jsts,
    count(distinct jst_teryt) filter (where probable and length(jst_teryt) = 7)::int as p_gminy
  from counted group by programme_id`;

type LoadedRow = Record<'id' | 'partnerships' | 'complete' | 'jsts' | 'gminy' | `${'c' | 'p'}_${'partnerships' | 'jsts' | 'gminy'}`, number>;

const NONE: LoadedCounts = { partnerships: 0, jsts: 0, gminy: 0 };

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

  /** Loaded figures of many programmes; a programme without participations has zeros. */
  async loadedFigures(ids: readonly number[]): Promise<Map<number, LoadedFigures>> {
    const rows = new Map((await query<LoadedRow>(this.em, LOADED_SQL, [intArray(ids)])).map((r) => [r.id, r]));
    return new Map(
      ids.map((id) => {
        const r = rows.get(id);
        if (!r) return [id, { programmeId: id, ...NONE, partnershipsWithCompleteMemberList: 0, confirmed: NONE, probable: NONE }];
        return [id, {
          programmeId: id, partnerships: r.partnerships, jsts: r.jsts, gminy: r.gminy, partnershipsWithCompleteMemberList: r.complete,
          confirmed: { partnerships: r.c_partnerships, jsts: r.c_jsts, gminy: r.c_gminy },
          probable: { partnerships: r.p_partnerships, jsts: r.p_jsts, gminy: r.p_gminy },
        }];
      }),
    );
  }
}

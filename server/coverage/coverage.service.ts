import { sizedAsJson, type ReadCache } from '../dataset/read-cache.js';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { requireExisting } from '../shared/exists.js';

export interface CoverageFigures {
  voivodeshipTeryt: string | null;
  gminyTotal: number;
  gminyCovered: number;
  areaTotalKm2: number;
  areaCoveredKm2: number;
  partnerships: number;
}

export interface CoverageResult extends CoverageFigures {
  programme: string | null;
  byVoivodeship: CoverageFigures[];
}

/**
 * Coverage in one statement; parameters: programme code twice, województwo code four times (nulls: all).
 * One row per województwo; `total` (the same in every row) counts the partnerships with a current
 * member in the area, each once however many województwa it spans.
 */
export const COVERAGE_SQL = `with parts as (
    select p.id from partnership p
    where p.archived_at is null and (?::text is null or exists (select 1 from participation pa join programme pr on pr.id = pa.programme_id
                                     where pa.partnership_id = p.id and pr.code = ?))
  ),
  members as (
    select m.partnership_id, m.jst_teryt, j.voivodeship_teryt as v from membership m join parts on parts.id = m.partnership_id join jst j on j.teryt = m.jst_teryt
    where membership_is_current(m."left")
  ),
  codes as (select distinct jst_teryt as code from members),
  gminy as (
    select g.teryt, g.voivodeship_teryt as v, g.area_km2, (own.code is not null or county.code is not null) as covered
    from jst g left join codes own on own.code = g.teryt left join codes county on county.code = g.parent_teryt
    where g.level = 'MUNICIPALITY' and (?::text is null or g.voivodeship_teryt = ?)
  )
  select v, count(*)::int as gt, count(*) filter (where covered)::int as gc,
         sum(area_km2) as at, coalesce(sum(area_km2) filter (where covered), 0) as ac,
         (select count(distinct mm.partnership_id)::int from members mm where mm.v = gminy.v) as np,
         (select count(distinct mm.partnership_id)::int from members mm where ?::text is null or mm.v = ?) as total
  from gminy group by v order by v`;

/**
 * How much of Poland partnerships cover. A gmina is covered when it, its powiat or its
 * województwo is a current member of a partnership (of the programme, if one is given):
 * that is, when it lies inside some functional area.
 */
export class CoverageService {
  /** With a `cache` (anonymous reads), each answer is computed once per dataset version and arguments. */
  constructor(
    private readonly em: Em,
    private readonly cache: ReadCache | null = null,
  ) {}

  /** Coverage for a parsed programme code and województwo code (null: all); the programme must exist. */
  coverage(programme: string | null, voivodeship: string | null): Promise<CoverageResult> {
    if (!this.cache) return this.compute(programme, voivodeship);
    return this.cache.read(this.em, ['coverage', programme, voivodeship], async () => sizedAsJson(await this.compute(programme, voivodeship)));
  }

  private async compute(programme: string | null, voivodeship: string | null): Promise<CoverageResult> {
    if (programme !== null) await requireExisting(this.em, 'programme', programme, 'programme');
    const rows = await query<{ v: string; gt: number; gc: number; at: number; ac: number; np: number; total: number }>(this.em, COVERAGE_SQL, [
      programme ?? null,
      programme ?? null,
      voivodeship ?? null,
      voivodeship ?? null,
      voivodeship ?? null,
      voivodeship ?? null,
    ]);
    const byVoivodeship = rows.map((r) => ({
      voivodeshipTeryt: r.v,
      gminyTotal: r.gt,
      gminyCovered: r.gc,
      areaTotalKm2: r.at,
      areaCoveredKm2: r.ac,
      partnerships: r.np,
    }));
    const sum = (f: (r: CoverageFigures) => number) => byVoivodeship.reduce((acc, r) => acc + f(r), 0);
    return {
      programme: programme ?? null,
      voivodeshipTeryt: voivodeship ?? null,
      gminyTotal: sum((r) => r.gminyTotal),
      gminyCovered: sum((r) => r.gminyCovered),
      areaTotalKm2: sum((r) => r.areaTotalKm2),
      areaCoveredKm2: sum((r) => r.areaCoveredKm2),
      partnerships: rows[0]?.total ?? 0,
      byVoivodeship,
    };
  }
}

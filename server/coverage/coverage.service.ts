import { sizedAsJson, type ReadCache } from '../dataset/read-cache.js';
import type { Em } from '../db/orm.js';
import { query, textArray } from '../db/sql.js';
import type { CoverageQuery } from '../input/coverage-args.js';
import { countsForParticipationSql } from '../programme/programme-period.js';
import { requireExisting } from '../shared/exists.js';
import { dayLiteral, membershipActiveSql, partnershipActiveSql, today, type Day } from '../time/as-of.js';

export interface CoverageFigures {
  voivodeshipTeryt: string | null;
  gminyTotal: number;
  gminyCovered: number;
  areaTotalKm2: number;
  areaCoveredKm2: number;
  partnerships: number;
  /** People in the gminy (GUS, the newest year loaded; docs/population.md); null when no population is loaded. */
  populationTotal: number | null;
  /** People in the covered gminy; null when no population is loaded. */
  populationCovered: number | null;
}

export interface CoverageResult extends CoverageFigures {
  programme: string | null;
  /** The day asked for; null: today (or, with a programme, its period). */
  asOf: Day | null;
  byVoivodeship: CoverageFigures[];
}

/**
 * Coverage in one statement; parameters in the order of `coverageParams` (nulls: no condition).
 * The partnerships counted are those the map's filters keep: a participation of the programme with
 * one of the statuses (both on the same participation, as in the `partnerships` filter), one of
 * the legal forms, one of the area types. One row per województwo; `total` (the same in every row)
 * counts the partnerships with a counted member in the area, each once however many województwa it spans.
 *
 * Which memberships count (server/time/as-of.ts, server/programme/programme-period.ts):
 * - `day` given: partnerships running on that day and members on that day;
 * - `programme` given: members whose membership overlaps the participation's counting period
 *   (its own, its phase's or the programme's), so ZIT 2014–2020 counts the 22 gminy of Aglomeracja
 *   Wałbrzyska of that period, not the 28 of today;
 * - neither (`day` null and no programme): today.
 * The day is spelled into the text (dayLiteral): a constant the planner sees.
 */
export function coverageSql(asOf: Day | null, programme: boolean): string {
  const day = asOf ?? today();
  const periodOnly = programme && asOf === null;
  return `with parts as (
    select p.id from partnership p
    where ${periodOnly ? 'p.archived_at is null' : partnershipActiveSql('p', day)}
      and ((?::text is null and ?::text[] is null) or exists (select 1 from participation pa join programme pr on pr.id = pa.programme_id
           where pa.partnership_id = p.id and (?::text is null or pr.code = ?) and (?::text[] is null or pa.status = any(?::text[]))))
      and (?::text[] is null or p.legal_form = any(?::text[]))
      and (?::text[] is null or p.area_type = any(?::text[]))
  ),
  members as (
    select m.partnership_id, m.jst_teryt, j.voivodeship_teryt as v from membership m join parts on parts.id = m.partnership_id join jst j on j.teryt = m.jst_teryt
    where ${periodOnly ? 'true' : membershipActiveSql('m', day)}
      and (?::text is null or exists (select 1 from participation pa join programme pr on pr.id = pa.programme_id
           where pa.partnership_id = m.partnership_id and pr.code = ? and (?::text[] is null or pa.status = any(?::text[]))
             and ${countsForParticipationSql('m', 'pa', 'pr')}))
  ),
  codes as (select distinct jst_teryt as code from members),
  gminy as (
    select g.teryt, g.voivodeship_teryt as v, g.area_km2, (own.code is not null or county.code is not null) as covered, jp.people
    from jst g left join codes own on own.code = g.teryt left join codes county on county.code = g.parent_teryt
      left join jst_population jp on jp.teryt = g.teryt and jp.year = atlas_population_year(${dayLiteral(day)})
    where g.level = 'MUNICIPALITY' and (?::text is null or g.voivodeship_teryt = ?)
  )
  select v, count(*)::int as gt, count(*) filter (where covered)::int as gc,
         sum(area_km2) as at, coalesce(sum(area_km2) filter (where covered), 0) as ac,
         sum(people)::float8 as pt, case when count(people) > 0 then coalesce(sum(people) filter (where covered), 0)::float8 end as pc,
         (select count(distinct mm.partnership_id)::int from members mm where mm.v = gminy.v) as np,
         (select count(distinct mm.partnership_id)::int from members mm where ?::text is null or mm.v = ?) as total
  from gminy group by v order by v`;
}

/** Today's coverage of every partnership (the statement the read bench times). */
export const COVERAGE_SQL = coverageSql(null, false);

/** The parameters of COVERAGE_SQL for a parsed query: each condition as often as the statement names it. */
export function coverageParams(q: CoverageQuery): unknown[] {
  const list = (values: readonly string[]) => (values.length ? textArray(values) : null);
  const [statuses, forms, areas] = [list(q.statuses), list(q.legalForms), list(q.areaTypes)];
  return [q.programme, statuses, q.programme, q.programme, statuses, statuses, forms, forms, areas, areas,
    q.programme, q.programme, statuses, statuses,
    q.voivodeship, q.voivodeship, q.voivodeship, q.voivodeship];
}

/**
 * How much of Poland partnerships cover. A gmina is covered when it or its powiat is a member
 * that counts (on the day, or in the programme's period: see `coverageSql`) of a partnership:
 * that is, when it lies inside some functional area.
 */
export class CoverageService {
  /** With a `cache` (anonymous reads), each answer is computed once per dataset version and arguments. */
  constructor(
    private readonly em: Em,
    private readonly cache: ReadCache | null = null,
  ) {}

  /** Coverage for parsed arguments (see `parseCoverageArgs`); a named programme must exist. */
  coverage(q: CoverageQuery): Promise<CoverageResult> {
    if (!this.cache) return this.compute(q);
    const key = ['coverage', q.asOf ?? `today:${today()}`, q.programme, q.voivodeship, q.statuses.join(','), q.legalForms.join(','), q.areaTypes.join(',')];
    return this.cache.read(this.em, key, async () => sizedAsJson(await this.compute(q)));
  }

  private async compute(q: CoverageQuery): Promise<CoverageResult> {
    const { programme, voivodeship } = q;
    if (programme !== null) await requireExisting(this.em, 'programme', programme, 'programme');
    const rows = await query<{ v: string; gt: number; gc: number; at: number; ac: number; np: number; total: number; pt: number | null; pc: number | null }>(
      this.em, coverageSql(q.asOf, programme !== null), coverageParams(q),
    );
    const byVoivodeship = rows.map((r) => ({
      voivodeshipTeryt: r.v,
      gminyTotal: r.gt,
      gminyCovered: r.gc,
      areaTotalKm2: r.at,
      areaCoveredKm2: r.ac,
      partnerships: r.np,
      populationTotal: r.pt,
      populationCovered: r.pc,
    }));
    const sum = (f: (r: CoverageFigures) => number) => byVoivodeship.reduce((acc, r) => acc + f(r), 0);
    return {
      programme,
      asOf: q.asOf,
      voivodeshipTeryt: voivodeship,
      gminyTotal: sum((r) => r.gminyTotal),
      gminyCovered: sum((r) => r.gminyCovered),
      areaTotalKm2: sum((r) => r.areaTotalKm2),
      areaCoveredKm2: sum((r) => r.areaCoveredKm2),
      partnerships: rows[0]?.total ?? 0,
      populationTotal: byVoivodeship.some((r) => r.populationTotal !== null) ? sum((r) => r.populationTotal ?? 0) : null,
      populationCovered: byVoivodeship.some((r) => r.populationCovered !== null) ? sum((r) => r.populationCovered ?? 0) : null,
      byVoivodeship,
    };
  }
}

import type { Em } from '../db/orm.js';
import { intArray, query, textArray } from '../db/sql.js';
import { dayLiteral, membershipCountsSql, type Day } from '../time/as-of.js';
import type { PopulationYearRow } from './population.types.js';

/** A partnership's people on a day: the sum over the gminy of its area then, and how many gminy. */
export interface AreaPeople {
  people: number;
  gminy: number;
  withoutFigure: number;
}

/**
 * Reads population figures. Which year a read on a day uses is the database's call
 * (`atlas_population_year`, Migration20261128010000_people): the newest year stated by that day.
 */
export class PopulationService {
  constructor(private readonly em: Em) {}

  /** The year the figures of `day` come from; null when no population is loaded. */
  async yearFor(day: Day | null): Promise<PopulationYearRow | null> {
    const [row] = await query<PopulationYearRow>(
      this.em,
      `select year, as_of as "asOf", label, url from population_year where year = atlas_population_year(${day === null ? 'null' : dayLiteral(day)})`,
    );
    return row ?? null;
  }

  /** People per JST code for `year` (codes without a figure are left out). */
  async ofJsts(teryts: readonly string[], year: number): Promise<Map<string, number>> {
    const rows = await query<{ teryt: string; people: number }>(this.em, `select teryt, people from jst_population where year = ? and teryt = any(?::text[])`, [year, textArray(teryts)]);
    return new Map(rows.map((r) => [r.teryt, r.people]));
  }

  /**
   * People in the functional area of each partnership on `day`: the gminy that are members then or
   * lie in a powiat that is (each gmina once); a województwo member adds none, as it adds no area.
   */
  async ofPartnerships(ids: readonly number[], day: Day, year: number): Promise<Map<number, AreaPeople>> {
    const rows = await query<{ id: number; people: string | null; gminy: number; missing: number }>(
      this.em,
      `with members as (select m.partnership_id as id, m.jst_teryt as code from membership m where m.partnership_id = any(?::int[]) and ${membershipCountsSql('m', day)}),
       gminy as (select distinct members.id, g.teryt from members join jst g on g.level = 'MUNICIPALITY' and (g.teryt = members.code or g.parent_teryt = members.code))
       select gminy.id, sum(jp.people)::text as people, count(*)::int as gminy, count(*) filter (where jp.people is null)::int as missing
       from gminy left join jst_population jp on jp.teryt = gminy.teryt and jp.year = ? group by gminy.id`,
      [intArray(ids), year],
    );
    return new Map(rows.map((r) => [r.id, { people: Number(r.people ?? 0), gminy: r.gminy, withoutFigure: r.missing }]));
  }
}

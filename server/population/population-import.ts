import path from 'node:path';
import { analyze } from '../db/analyze.js';
import type { Em } from '../db/orm.js';
import { query, textArray } from '../db/sql.js';
import { InputError } from '../shared/errors.js';
import type { PopulationFile } from './population-file.js';

/** Where the figures come from; the label is what every display of a figure cites ("Źródło: " + label). */
export const POPULATION_SOURCE_URL = 'https://bdl.stat.gov.pl/';
export const populationLabel = (asOf: string) => `GUS, Bank Danych Lokalnych (stan ${asOf.slice(8, 10)}.${asOf.slice(5, 7)}.${asOf.slice(0, 4)})`;

export interface PopulationReport {
  file: string;
  year: number;
  asOf: string;
  /** Rows written per level. */
  gminy: number;
  powiaty: number;
  wojewodztwa: number;
  /** People in all gminy of the year, after the import (the national total once the gminy file is in). */
  total: number;
  /** JSTs whose own figure differs from the sum of their gminy (both loaded for the year). */
  mismatches: string[];
}

/**
 * Writes one read file's figures for its year in one transaction (a figure already there is
 * replaced): codes the atlas does not have refuse the whole file (NOT_FOUND). The report checks
 * every powiat and województwo against the sum of its gminy.
 */
export async function importPopulation(em: Em, file: PopulationFile, origin: string): Promise<PopulationReport> {
  const codes = file.rows.map((r) => r.teryt);
  const report = await em.transactional(async (t) => {
    const tx = t as Em;
    const known = new Set((await query<{ teryt: string }>(tx, `select teryt from jst where teryt = any(?::text[])`, [textArray(codes)])).map((r) => r.teryt));
    const unknown = file.rows.filter((r) => !known.has(r.teryt));
    if (unknown.length) {
      const list = unknown.slice(0, 10).map((r) => `line ${r.line}: ${r.teryt}`).join('; ');
      throw new InputError('file', `${unknown.length} code(s) name no JST of the atlas, nothing loaded: ${list}`, 'NOT_FOUND');
    }
    await query(tx, `insert into population_year (year, as_of, label, url, file, total) values (?, ?, ?, ?, ?, 0)
      on conflict (year) do update set as_of = excluded.as_of, label = excluded.label, url = excluded.url, file = excluded.file, loaded_at = clock_timestamp()`,
    [file.year, file.asOf, populationLabel(file.asOf), POPULATION_SOURCE_URL, path.basename(origin)]);
    await query(tx, `insert into jst_population (year, teryt, people)
      select ?, t.teryt, t.people from unnest(?::text[], ?::int[]) as t(teryt, people)
      on conflict (year, teryt) do update set people = excluded.people`, [file.year, textArray(codes), `{${file.rows.map((r) => r.people).join(',')}}`]);
    const [sum] = await query<{ total: string }>(tx, `update population_year set total = (select coalesce(sum(jp.people), 0) from jst_population jp join jst j on j.teryt = jp.teryt
      where jp.year = population_year.year and j.level = 'MUNICIPALITY') where year = ? returning total::text`, [file.year]);
    return { file: path.basename(origin), year: file.year, asOf: file.asOf, ...countByLevel(codes), total: Number(sum!.total), mismatches: await mismatches(tx, file.year) };
  });
  await analyze(em, ['population_year', 'jst_population']);
  return report;
}

function countByLevel(codes: string[]) {
  return { gminy: codes.filter((c) => c.length === 7).length, powiaty: codes.filter((c) => c.length === 4).length, wojewodztwa: codes.filter((c) => c.length === 2).length };
}

/** Powiaty and województwa whose figure is not the sum of their gminy's, for the year. */
async function mismatches(em: Em, year: number): Promise<string[]> {
  const rows = await query<{ teryt: string; own: number; gminy: string }>(
    em,
    `select u.teryt, u.people as own, sum(g.people)::text as gminy from jst_population u
       join jst gj on gj.level = 'MUNICIPALITY' and (gj.parent_teryt = u.teryt or gj.voivodeship_teryt = u.teryt)
       join jst_population g on g.teryt = gj.teryt and g.year = u.year
     where u.year = ? and length(u.teryt) < 7 group by u.teryt, u.people having sum(g.people) <> u.people order by u.teryt`,
    [year],
  );
  return rows.map((r) => `${r.teryt}: ${r.own} people, its gminy ${r.gminy}`);
}

/** The report as lines, for the CLI and the server log. */
export function describePopulationReport(r: PopulationReport): string[] {
  const lines = [`population ${r.year} (${populationLabel(r.asOf)}) from ${r.file}: ${r.gminy} gminy, ${r.powiaty} powiaty, ${r.wojewodztwa} województwa; gminy total ${r.total.toLocaleString('en')}`];
  if (r.mismatches.length) lines.push(`  ${r.mismatches.length} figure(s) differ from the sum of their gminy: ${r.mismatches.slice(0, 5).join('; ')}`);
  return lines;
}

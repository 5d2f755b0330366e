import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SHARED_DIR } from '../../geodata/locate-source.js';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { readPopulationFile } from './population-file.js';
import { describePopulationReport, importPopulation, type PopulationReport } from './population-import.js';

/** The reference folder beside the project: GUS population files `population-*.csv` (docs/population.md). */
export const SHARED_REFERENCE = path.join(SHARED_DIR, 'reference');

/**
 * The population files of a path: the file itself, or every `population-*.csv` of a folder by name
 * (gminy before powiaty of the same year, so the report compares each powiat with gminy already in).
 */
export function populationFiles(source: string): string[] {
  if (!existsSync(source)) return [];
  if (!statSync(source).isDirectory()) return [source];
  return readdirSync(source).filter((f) => /^population-.*\.csv$/i.test(f)).sort().map((f) => path.join(source, f));
}

/** Reads and imports files in order; the first bad one stops the rest (each file is its own transaction). */
export async function importPopulationFiles(em: Em, files: string[]): Promise<PopulationReport[]> {
  const reports = [];
  for (const file of files) reports.push(await importPopulation(em, readPopulationFile(await readFile(file)), file));
  return reports;
}

/**
 * At start, once: the population of the shared reference folder when none is loaded yet (like the
 * boundaries). Without the folder the atlas runs without population figures and says so in the log.
 */
export async function loadPopulationOnFirstStart(em: Em, log: (line: string) => void, source: string = SHARED_REFERENCE): Promise<void> {
  const [loaded] = await query<{ n: number }>(em, `select count(*)::int as n from population_year`);
  if (loaded!.n > 0) return;
  const files = populationFiles(source);
  if (!files.length) return void log(`population: no population-*.csv in ${source}; load one with npm run population:import -- <file>`);
  for (const report of await importPopulationFiles(em, files)) for (const line of describePopulationReport(report)) log(line);
}

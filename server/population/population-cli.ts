// First: on a Node too old for the dependencies, stop with one clear line before they load.
import '../node-version.js';
import { existsSync } from 'node:fs';
import { CliUsageError, runCli, withDatabase } from '../db/cli-session.js';
import { describePopulationReport } from './population-import.js';
import { importPopulationFiles, populationFiles, SHARED_REFERENCE } from './population-source.js';

const USAGE = 'usage: npm run population:import -- [file|folder]…';

/** `npm run population:import -- [file|folder]…`: GUS population figures (docs/population.md); default: the shared reference folder. */
async function main(): Promise<number> {
  const given = process.argv.slice(2);
  for (const source of given) if (!existsSync(source)) throw new CliUsageError(`${source} does not exist; ${USAGE}`);
  const files = (given.length ? given : [SHARED_REFERENCE]).flatMap(populationFiles);
  if (!files.length) throw new CliUsageError(`no population-*.csv found; ${USAGE}`);
  const owner = { command: 'npm run population:import', hint: 'Stop the server first (Ctrl+C in its terminal), then run this command again.' };
  return withDatabase(owner, async (em) => {
    try {
      for (const report of await importPopulationFiles(em, files)) for (const line of describePopulationReport(report)) console.log(line);
    } catch (error) {
      console.error('population: the file that failed wrote nothing');
      throw error;
    }
    return 0;
  });
}

await runCli(main);

// First: on a Node too old for the dependencies, stop with one clear line before they load.
import '../server/node-version.js';
import { existsSync } from 'node:fs';
import { loadConfig } from '../server/config.js';
import { CliUsageError, runCli, withDatabase } from '../server/db/cli-session.js';
import { describeReport, importGeodata } from './import-geodata.js';
import { resolveSource } from './locate-source.js';

const USAGE = 'usage: npm run geodata:import -- [path|url]';

/** The source to read, refused before the database is opened when it is missing. */
function readArgs(): string {
  if (process.argv.length > 3) throw new CliUsageError(`one source only; ${USAGE}`);
  let source: string;
  try {
    source = resolveSource(process.argv[2], loadConfig().geodataSource);
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (!/^https?:\/\//i.test(source) && !existsSync(source)) throw new CliUsageError(`${source} does not exist; ${USAGE}`);
  return source;
}

/** `npm run geodata:import -- [path|url]` */
async function main(): Promise<number> {
  const source = readArgs();
  // Boundaries have no API route: replacing them is an administrator's job, with the server stopped.
  const owner = { command: 'npm run geodata:import', hint: 'Stop the server first (Ctrl+C in its terminal), then run this command again.' };
  return withDatabase(owner, async (em) => {
    console.log(`geodata: reading ${source}`);
    const started = performance.now();
    try {
      const report = await importGeodata(em, source);
      for (const line of describeReport(report)) console.log(line);
    } catch (error) {
      console.error('geodata: nothing was written');
      throw error;
    }
    console.log(`geodata: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  });
}

await runCli(main);

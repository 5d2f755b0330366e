// First: on a Node too old for the dependencies, stop with one clear line before they load.
import '../node-version.js';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHARED_DIR, SHARED_GEODATA } from '../../geodata/locate-source.js';
import { readFeatureCollection } from '../../geodata/read-features.js';
import { CliUsageError, runCli } from '../db/cli-session.js';
import { buildTerytHistory, CHANGES_FILE, GMINY_FILE } from './teryt-history-build.js';
import { TERYT_HISTORY_FILE } from './teryt-history.js';

/** `npm run teryt:history -- [reference dir]`: rebuilds server/jst/teryt-history.json from the reference files. */
async function main(): Promise<number> {
  if (process.argv.length > 3) throw new CliUsageError('usage: npm run teryt:history -- [reference dir]');
  const dir = path.resolve(process.argv[2] ?? path.join(SHARED_DIR, 'reference'));
  const read = (file: string) => readFile(path.join(dir, file), 'utf8').catch(() => {
    throw new CliUsageError(`${path.join(dir, file)} cannot be read; give the reference folder: npm run teryt:history -- <dir>`);
  });
  // The boundaries' own codes: a few are older than the reference file's terc_2020.
  const boundaries = readFeatureCollection(await readFile(path.join(SHARED_GEODATA, 'poland.municipalities.json'), 'utf8'), 'poland.municipalities.json');
  const history = buildTerytHistory(await read(GMINY_FILE), await read(CHANGES_FILE), boundaries.map((u) => ({ code: u.teryt, name: u.name })));
  await writeFile(TERYT_HISTORY_FILE, `${JSON.stringify(history, null, 1)}\n`);
  console.log(`teryt history: ${history.former.length} former codes, ${history.withoutBoundary.length} codes without a boundary → ${TERYT_HISTORY_FILE}`);
  return 0;
}

await runCli(main);

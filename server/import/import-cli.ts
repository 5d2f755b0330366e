// First: on a Node too old for the dependencies, stop with one clear line before they load.
import '../node-version.js';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Role } from '../auth/role.js';
import { CliUsageError, localServerUrl, runCli, withDatabase } from '../db/cli-session.js';
import { PartnershipImportService } from './partnership-import.service.js';

const USAGE = 'usage: npm run data:import -- <file.csv> [--dry-run]';

/** Reads the spreadsheet named on the command line, refusing bad arguments before the database is opened. */
async function readArgs(): Promise<{ file: string; csv: Buffer; dryRun: boolean }> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new CliUsageError(`${positionals.length ? 'one file only' : 'no file given'}; ${USAGE}`);
  const file = positionals[0]!;
  try {
    // Bytes, not text: the service tells UTF-8 from Windows-1250.
    return { file, csv: await readFile(file), dryRun: values['dry-run']! };
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; ${USAGE}`);
  }
}

/**
 * `npm run data:import -- file.csv [--dry-run]`: the spreadsheet import, run by whoever can open
 * the database (recorded in the history as `cli:<user>`).
 */
async function main(): Promise<number> {
  const { file, csv, dryRun } = await readArgs();
  const owner = {
    command: 'npm run data:import',
    hint:
      `Import through the running server instead: curl --data-binary @${JSON.stringify(path.resolve(file))} -H 'Content-Type: text/csv' ` +
      `-H 'Authorization: Bearer <token>' '${localServerUrl()}/import/partnerships?dryRun=${dryRun}'; or stop the server and run this command again.`,
  };
  return withDatabase(owner, async (em) => {
    const actor = { name: `cli:${userInfo().username}`, role: Role.ADMIN, voivodeships: null };
    const result = await new PartnershipImportService(em).run(actor, csv, dryRun);
    for (const e of result.errors) console.error(`line ${e.line}, ${e.field}: ${e.message}`);
    if (result.errors.length) {
      console.error(`error [BAD_USER_INPUT] ${result.errors.length} bad row(s) in ${file}: nothing was written`);
      return 1;
    }
    const count = (kind: string) => result.changes.filter((c) => c.kind === kind).length;
    for (const c of result.changes) console.log(`${c.kind.padEnd(8)} ${c.entity.padEnd(13)} ${c.key}${c.lines.length ? `  (line ${c.lines.join(', ')})` : ''}`);
    console.log(`${result.rows} rows (${result.encoding}): ${count('created')} created, ${count('changed')} changed, ${count('removed')} removed — ${result.applied ? 'written' : 'dry run, nothing written'}`);
    return 0;
  });
}

await runCli(main);

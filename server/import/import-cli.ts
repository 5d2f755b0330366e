import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Role } from '../auth/role.js';
import { withDatabase } from '../db/cli-session.js';
import { PartnershipImportService } from './partnership-import.service.js';

/**
 * `npm run data:import -- file.csv [--dry-run]`: the spreadsheet import, run by whoever can open
 * the database (recorded in the history as `cli:<user>`).
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  if (positionals.length !== 1) {
    console.error('usage: npm run data:import -- <file.csv> [--dry-run]');
    return 2;
  }
  // Bytes, not text: the service tells UTF-8 from Windows-1250.
  const csv = await readFile(positionals[0]!);
  return withDatabase(async (em) => {
    const actor = { name: `cli:${userInfo().username}`, role: Role.ADMIN, voivodeships: null };
    const result = await new PartnershipImportService(em).run(actor, csv, values['dry-run']!);
    for (const e of result.errors) console.error(`line ${e.line}, ${e.field}: ${e.message}`);
    if (result.errors.length) {
      console.error(`${result.errors.length} bad row(s): nothing was written`);
      return 1;
    }
    const count = (kind: string) => result.changes.filter((c) => c.kind === kind).length;
    for (const c of result.changes) console.log(`${c.kind.padEnd(8)} ${c.entity.padEnd(13)} ${c.key}${c.lines.length ? `  (line ${c.lines.join(', ')})` : ''}`);
    console.log(`${result.rows} rows (${result.encoding}): ${count('created')} created, ${count('changed')} changed, ${count('removed')} removed — ${result.applied ? 'written' : 'dry run, nothing written'}`);
    return 0;
  });
}

process.exitCode = await main();

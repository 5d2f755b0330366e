// First: on a Node too old for the dependencies, stop with one clear line before they load.
import '../node-version.js';
import { parseArgs } from 'node:util';
import { CliUsageError, runCli, withCliOrm } from './cli-session.js';
import { withStartupLock } from './startup-lock.js';

const USAGE = 'usage: npm run db:migrate (no arguments; the database is DATABASE_URL, else the embedded one in PGLITE_DATA_DIR)';

/**
 * `npm run db:migrate` (`node dist/server/db/migrate-cli.js`): applies the committed migrations
 * and exits, for a deployment that migrates in a job of its own before starting the servers
 * (with MIGRATE_ON_START=false). On PostgreSQL it takes the same startup lock as the servers, so
 * it may run while they start; on the embedded database it takes the data directory's lock.
 * Exit codes: 0 done (also when nothing was pending), 1 refused or failed, 2 bad arguments.
 */
await runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length) throw new CliUsageError(`unexpected argument "${positionals[0]}"; ${USAGE}`);
  const owner = { command: 'npm run db:migrate', hint: 'A running server has already migrated this database at its start: nothing to do; or stop it first.' };
  return withCliOrm(owner, async (orm, kind) => {
    const applied = await withStartupLock(orm, kind, () => orm.migrator.up(), (line) => console.log(line));
    const total = (await orm.migrator.getExecuted()).length;
    console.log(
      applied.length
        ? `migrations: applied ${applied.map((m) => m.name).join(', ')} (${total} in all)`
        : `migrations: up to date (${total} applied before)`,
    );
    return 0;
  });
});

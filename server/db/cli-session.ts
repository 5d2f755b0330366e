import { loadConfig, type DatabaseConfig } from '../config.js';
import { DomainError } from '../shared/errors.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { migrate, openOrm, type Em, type Orm } from './orm.js';
import { withStartupLock } from './startup-lock.js';

/** Bad command-line arguments: refused before the database is opened, so nothing can be written. */
export class CliUsageError extends Error {
  readonly code = 'BAD_ARGUMENTS' as const;
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** What the CLI does, for the database lock: its name and what to do instead while a server holds the database. */
export interface CliOwner {
  command: string;
  hint: string;
}

/** Where a local server listens (PORT), for the advice of a refused CLI. */
export const localServerUrl = () => `http://127.0.0.1:${loadConfig().port}`;

/**
 * Runs a command-line task on the configured database (migrated first) and closes it after.
 * On the embedded database the CLI takes the data directory's lock like the server does: beside a
 * running server it is refused with `owner.hint`, before it opens anything.
 */
export async function withDatabase(owner: CliOwner, task: (em: Em) => Promise<number>): Promise<number> {
  return withCliOrm(owner, async (orm, kind) => {
    // Under the startup lock: a CLI run while servers first start on the same database must not migrate beside them.
    await withStartupLock(orm, kind, () => migrate(orm));
    return task(orm.em.fork() as Em);
  });
}

/**
 * Opens the configured database for a command-line task (taking the embedded data directory's
 * lock as `owner`) and closes it after, without migrating: `npm run db:migrate` does that itself.
 */
export async function withCliOrm<T>(owner: CliOwner, task: (orm: Orm, kind: DatabaseConfig['kind']) => Promise<T>): Promise<T> {
  const configured = loadConfig().database;
  // A batch job an operator started (a whole country's boundaries) runs to the end unless asked otherwise:
  // the statement timeout protects the server's requests, not the CLIs.
  const database = configured.kind === 'postgresql' && !process.env.DB_STATEMENT_TIMEOUT_MS ? { ...configured, statementTimeoutMs: 0 } : configured;
  const orm = await openOrm(database, { owner });
  try {
    return await task(orm, database.kind);
  } finally {
    await orm.close();
  }
}

/** The one-line report of an expected failure, on standard error: `error [CODE] message`. */
export const reportCoded = (code: string, message: string) => console.error(`error [${code}] ${message.replaceAll('\n', ' ')}`);

/**
 * Runs a CLI's main and sets the exit code: 0 on success; 2 for bad arguments; 1 for a refused
 * lock, bad input (a domain or geodata error) or anything else. Expected failures print one coded
 * line; unexpected ones their full report, since they are bugs.
 */
export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    process.exitCode = error instanceof CliUsageError ? 2 : 1;
    if (error instanceof CliUsageError || error instanceof DataDirLockedError || error instanceof DomainError) reportCoded(error.code, error.message);
    else if (error instanceof Error && error.name === 'GeodataInputError') reportCoded('BAD_USER_INPUT', error.message);
    else if (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) {
      process.exitCode = 2;
      reportCoded('BAD_ARGUMENTS', error.message);
    } else console.error(error);
  }
}

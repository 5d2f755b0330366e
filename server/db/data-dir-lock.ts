import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** Who holds an embedded data directory: written as JSON into `<dataDir>.lock`. */
export interface LockHolder {
  pid: number;
  host: string;
  /** What the holder runs, e.g. `server` or `token create`. */
  command: string;
  /** When the holder took the lock (ISO 8601, UTC). */
  since: string;
}

/**
 * A second process wanted a data directory another one holds. PGlite is one PostgreSQL in one
 * process: two processes on one directory overwrite each other's pages and the database stops
 * opening (`RuntimeError: Aborted()`), so the second one is refused before it opens anything.
 */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED' as const;
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
    hint: string,
  ) {
    super(
      `the embedded database ${dataDir} is in use by ${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.since}); ` +
        `only one process may open it at a time. ${hint}`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** A held lock; `release()` removes the lock file if it is still ours (safe to call twice). */
export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** Directories this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

// A process that exits without closing its database (an uncaught error) still leaves no lock behind;
// only kill -9 or a power cut can, and the next opener takes such a lock over.
process.once('exit', () => {
  for (const file of heldHere) {
    const holder = readHolder(file);
    if (holder?.pid === process.pid) unlinkQuietly(file);
  }
});

export const lockFileOf = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? (parsed as LockHolder) : undefined;
  } catch {
    // Missing (released meanwhile) or half-written by a holder killed mid-write: no usable holder.
    return undefined;
  }
}

/** Whether the process behind `holder` may still be running (signal 0 only checks it exists). */
function holderAlive(holder: LockHolder, file: string): boolean {
  if (holder.host !== hostname()) return true; // another machine (shared folder): cannot check, assume alive
  // Our own pid in a file we do not hold: a previous run that had the same pid (pid 1 in a container).
  if (holder.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the lock file only if none exists (O_EXCL), so two processes can never both succeed. */
function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

export interface LockOptions {
  /** What this process runs, shown to whoever is refused. */
  command: string;
  /** What a refused process should do instead (the CLIs name the API call that does the same). */
  hint: string;
  log?: (line: string) => void;
}

/**
 * Takes `<dataDir>.lock` for this process, or throws DataDirLockedError naming the holder.
 * A lock left by a process that no longer runs (kill -9, power loss) is taken over, with a log line.
 */
export function lockDataDir(dataDir: string, options: LockOptions): DataDirLock {
  const file = lockFileOf(dataDir);
  const me: LockHolder = { pid: process.pid, host: hostname(), command: options.command, since: new Date().toISOString() };
  // Two rounds: a stale lock is removed once; if another process re-creates it meanwhile, it won.
  for (let round = 0; round < 2; round++) {
    if (tryCreate(file, me)) {
      heldHere.add(file);
      return { file, release: () => releaseIfOurs(file, me) };
    }
    const holder = readHolder(file);
    if (!holder && justWritten(file)) continue; // its writer may be between creating and filling it
    if (holder && holderAlive(holder, file)) throw new DataDirLockedError(path.resolve(dataDir), holder, options.hint);
    (options.log ?? console.warn)(
      holder
        ? `database lock: taking over ${file} from ${holder.command} (pid ${holder.pid}, since ${holder.since}), which no longer runs`
        : `database lock: removing the unreadable lock file ${file} (its writer was cut off)`,
    );
    unlinkQuietly(file);
  }
  const holder = readHolder(file) ?? { pid: 0, host: 'unknown', command: 'another process', since: 'just now' };
  throw new DataDirLockedError(path.resolve(dataDir), holder, options.hint);
}

/** A lock file younger than a second: an unreadable one is then still being written, not abandoned. */
function justWritten(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < 1_000;
  } catch {
    return false;
  }
}

function releaseIfOurs(file: string, me: LockHolder): void {
  if (!heldHere.has(file)) return;
  heldHere.delete(file);
  const holder = readHolder(file);
  if (holder?.pid === me.pid && holder.since === me.since) unlinkQuietly(file);
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

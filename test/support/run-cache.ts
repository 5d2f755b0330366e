/**
 * What one jest run builds once and its test files share: a folder made by global-setup.js
 * (ATLAS_TEST_RUN_DIR) and removed by global-teardown.js. Nothing in it outlives the run, so a
 * cached database or build always comes from the code under test, never from an older checkout.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** ATLAS_TEST_SHARED=off: nothing is shared, every file builds its own (to compare, or to rule the cache out). */
const sharing = () => process.env.ATLAS_TEST_SHARED !== 'off';

/** The run's shared folder, or undefined outside a jest run (then every caller builds for itself). */
export function runDir(): string | undefined {
  const dir = process.env.ATLAS_TEST_RUN_DIR;
  return sharing() && dir && existsSync(dir) ? dir : undefined;
}

/** The run's id (hex, also in the folder's name), for names outside the folder such as server databases. */
export function runId(): string | undefined {
  return sharing() ? process.env.ATLAS_TEST_RUN_ID : undefined;
}

/** Whether the process that wrote `pidFile` has gone (then its lock is stale). */
function holderGone(pidFile: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8'));
  } catch {
    return false; // The holder has made the lock but not written its pid yet.
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs `fn` while holding the run's lock `name`, so parallel jest workers build a shared thing
 * once. The lock is a folder (mkdir is atomic) holding the holder's pid; a dead holder's is taken over.
 */
export async function withRunLock<T>(dir: string, name: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, `${name}.lock`);
  const pidFile = path.join(lock, 'pid');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (holderGone(pidFile)) rmSync(lock, { recursive: true, force: true });
    else await sleep(200);
  }
  writeFileSync(pidFile, String(process.pid));
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The path of the run's file `name`, made by `build(partialPath)` the first time any test file asks
 * (under a lock, renamed into place only once complete), or undefined outside a jest run.
 */
export async function runCachedFile(name: string, build: (partialPath: string) => Promise<void>): Promise<string | undefined> {
  const dir = runDir();
  if (!dir) return undefined;
  const file = path.join(dir, name);
  if (existsSync(file)) return file;
  return withRunLock(dir, name, async () => {
    if (existsSync(file)) return file;
    const partial = `${file}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await build(partial);
    renameSync(partial, file);
    return file;
  });
}

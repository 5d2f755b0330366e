import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseConfig } from '../config.js';
import type { Orm } from './orm.js';

/**
 * The key of the PostgreSQL advisory lock every instance takes around migrations and the first
 * start's data load (the bytes of "atlas" read as a number; any constant no other app uses works).
 */
export const STARTUP_LOCK_KEY = 0x61746c6173; // 418565087603, as docs/deployment.md names it

/** How often a waiting instance asks for the lock again (ms). */
const POLL_MS = 250;

/**
 * Runs `task` (migrations, the first data load) while this process holds the database's startup
 * lock, so instances that start at once on one PostgreSQL database take turns: the first migrates
 * and loads, the others then find everything done. The lock is transaction-scoped on a connection
 * of its own, so PostgreSQL releases it when the task ends, fails, or the process dies.
 *
 * The lock is polled with `pg_try_advisory_xact_lock` rather than awaited with
 * `pg_advisory_xact_lock`: a wait of a whole first start (tens of seconds) would run into the
 * statement and client query timeouts. The embedded database needs no lock here: its data
 * directory belongs to one process (data-dir-lock.ts), and its one connection could not hold a
 * lock and run the task at the same time.
 */
export async function withStartupLock<T>(orm: Orm, kind: DatabaseConfig['kind'], task: () => Promise<T>, log: (line: string) => void = () => {}): Promise<T> {
  if (kind !== 'postgresql') return task();
  const connection = orm.em.getConnection();
  const holder = await connection.begin();
  try {
    for (let waited = false; ; waited = true) {
      const [row] = await connection.execute<{ got: boolean }[]>('select pg_try_advisory_xact_lock(?) as got', [STARTUP_LOCK_KEY], 'all', holder);
      if (row!.got) break;
      if (!waited) log('startup lock: another instance is migrating or loading the data; waiting for it');
      await sleep(POLL_MS);
    }
    return await task();
  } finally {
    // Ending the holding transaction releases the lock; it wrote nothing, so rolling back loses nothing.
    await connection.rollback(holder);
  }
}

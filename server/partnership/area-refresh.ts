import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Em } from '../db/orm.js';
import { intArray, query } from '../db/sql.js';

/**
 * Partnerships whose area one refresh transaction recomputes. A union of 20 gminy costs ~10 ms,
 * so a batch holds the embedded database's single connection for well under a second.
 */
export const AREA_REFRESH_BATCH = 25;

export interface AreaRefreshOptions {
  /** Partnerships per transaction (default AREA_REFRESH_BATCH). */
  batchSize?: number;
  /**
   * Awaited between two batches, after the event loop had its turn: a test pauses here to read
   * while the refresh phase is under way. `done` and `total` count partnerships.
   */
  betweenBatches?: (done: number, total: number) => Promise<void> | void;
}

/**
 * Makes the membership triggers of the current transaction queue the partnerships they touch in
 * `area_refresh` instead of recomputing their areas (the setting ends with the transaction).
 * Call `refreshAreas` with the ids after the transaction commits.
 */
export async function deferAreaRefresh(tx: Em): Promise<void> {
  await query(tx, `select set_config('atlas.defer_area', 'on', true)`);
}

/** The given partnerships that are queued for an area refresh (read inside the deferring transaction). */
export async function queuedAreas(em: Em, partnershipIds: readonly number[]): Promise<number[]> {
  if (!partnershipIds.length) return [];
  const rows = await query<{ id: number }>(em, `select partnership_id as id from area_refresh where partnership_id in (select unnest(?::int[])) order by 1`, [intArray(partnershipIds)]);
  return rows.map((r) => r.id);
}

/**
 * Recomputes the areas of the given partnerships, `batchSize` per transaction, yielding to the
 * event loop between batches so reads waiting for the embedded database's one connection get it.
 * Each batch locks its partnerships and deletes their queue entries (waiting for a concurrent
 * import that is writing the same partnership to commit), then recomputes from the members as they are now.
 */
export async function refreshAreas(em: Em, partnershipIds: readonly number[], options: AreaRefreshOptions = {}): Promise<void> {
  const size = options.batchSize ?? AREA_REFRESH_BATCH;
  for (let start = 0; start < partnershipIds.length; start += size) {
    if (start > 0) {
      await yieldToEventLoop();
      await options.betweenBatches?.(start, partnershipIds.length);
    }
    const batch = intArray(partnershipIds.slice(start, start + size));
    await em.fork().transactional(async (tx) => {
      // Partnerships first, in slug order, as an import locks them (an import's FOR UPDATE, then its triggers'
      // queue entries): taking the queue rows first and the partnership rows second deadlocked with an import
      // writing members into a partnership this refresh was recomputing.
      await query(tx as Em, `select id from partnership where id in (select unnest(?::int[])) order by slug for update`, [batch]);
      await query(tx as Em, `delete from area_refresh where partnership_id in (select unnest(?::int[]))`, [batch]);
      await query(tx as Em, `select refresh_partnership_area(id) from unnest(?::int[]) id`, [batch]);
    });
  }
}

/** Recomputes every area still queued, e.g. by an import that crashed between its commit and its refresh. Returns how many. */
export async function refreshPendingAreas(em: Em, options: AreaRefreshOptions = {}): Promise<number> {
  const pending = (await query<{ id: number }>(em, `select partnership_id as id from area_refresh order by 1`)).map((r) => r.id);
  await refreshAreas(em, pending, options);
  return pending.length;
}

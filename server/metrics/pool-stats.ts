import type { Orm } from '../db/orm.js';

/** The database connections now. Fields a backend cannot tell are left out. */
export interface PoolStats {
  backend: 'pglite' | 'postgresql';
  /** Connections lent to a query or transaction. */
  used?: number;
  /** Open connections nobody uses. */
  idle?: number;
  /** Requests waiting for a connection. */
  pending?: number;
  /** Most connections the pool opens. */
  max: number;
}

/** What `pg`'s Pool tells about itself (pg-pool's public getters). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/**
 * Reads the pool of the ORM's connection. On PostgreSQL that is `pg`'s Pool (MikroORM's
 * `getNativeClient()`): used = total - idle, pending = waiting. The embedded database has one
 * connection inside this process and no pool, so only its bound (1) is meaningful: there is no
 * queue to count, statements wait in PGlite's own mutex.
 */
export function poolStatsOf(orm: Orm, backend: PoolStats['backend']): () => Promise<PoolStats> {
  if (backend === 'pglite') return async () => ({ backend, max: 1 });
  return async () => {
    const pool = (await (orm.em.getConnection() as unknown as { getNativeClient(): Promise<PgPool> }).getNativeClient());
    return { backend, used: pool.totalCount - pool.idleCount, idle: pool.idleCount, pending: pool.waitingCount, max: pool.options.max ?? 10 };
  };
}

import { postgis } from '@electric-sql/pglite-postgis';
import { MikroORM, type Options } from '@mikro-orm/core';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { PgliteDriver } from '@mikro-orm/pglite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { DEFAULT_ACQUIRE_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, type DatabaseConfig } from '../config.js';
import { lockDataDir, type LockOptions } from './data-dir-lock.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

/** The EntityManager type shared by both backends (PGlite and PostgreSQL speak the same SQL). */
export type Em = SqlEntityManager;
export type Orm = MikroORM;

export interface OpenOptions {
  /** Log every SQL statement (for debugging and statement-count tests). */
  debug?: boolean;
  /** Called with each SQL statement the ORM runs. */
  onQuery?: (sql: string) => void;
  /**
   * Who opens an embedded data directory, for the exclusive lock (see data-dir-lock.ts); default:
   * the script's name, with advice to stop the other process.
   */
  owner?: Pick<LockOptions, 'command' | 'hint'>;
  /**
   * Embedded only: start from this data directory image (a tar from PGlite's `dumpDataDir`) instead
   * of an empty cluster. The tests copy one seeded database this way rather than seeding each file.
   */
  loadDataDir?: Blob;
}

/** Advice for a refused process when its caller gave none. */
const STOP_THE_OTHER = 'Stop that process first (Ctrl+C, or kill <pid>), or set PGLITE_DATA_DIR to another folder.';

function baseOptions(opts: OpenOptions): Partial<Options> {
  return {
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    migrations: { migrationsList: migrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: Boolean(opts.onQuery) || opts.debug === true ? ['query'] : false,
    logger: opts.onQuery ?? ((message: string) => console.log(message)),
    colors: !opts.onQuery,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
}

/**
 * Opens the database: PGlite with PostGIS in `dataDir` (or in memory for `memory://`),
 * or a PostgreSQL server with PostGIS by URL. Same entities, same migrations, same SQL.
 */
export async function openOrm(db: DatabaseConfig, opts: OpenOptions = {}): Promise<Orm> {
  if (db.kind === 'pglite') return db.dataDir.startsWith('memory:') ? openPglite(db.dataDir, opts) : openLockedPglite(db.dataDir, opts);
  const statementTimeoutMs = db.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  return MikroORM.init({
    ...baseOptions(opts),
    driver: PostgreSqlDriver,
    clientUrl: db.url,
    pool: { min: 0, max: 10 },
    // Passed to pg's Pool. statement_timeout is enforced by the server; query_timeout by the client, for a
    // server that does not answer at all (frozen, unreachable), a little later so the server's cancel wins
    // when it can; connectionTimeoutMillis bounds both connecting and waiting for a free pooled connection.
    driverOptions: {
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 2_000 } : {}),
      connectionTimeoutMillis: db.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
    },
  } as Options);
}

function openPglite(dataDir: string, opts: OpenOptions): Promise<Orm> {
  return MikroORM.init({
    ...baseOptions(opts),
    driver: PgliteDriver,
    dbName: dataDir,
    // MikroORM deep-copies object driverOptions, which leaves a Blob without its internals; what a
    // callback returns reaches PGlite as it is.
    driverOptions: opts.loadDataDir ? () => ({ extensions: { postgis }, loadDataDir: opts.loadDataDir }) : { extensions: { postgis } },
  } as Options);
}

/**
 * PGlite on a folder, owned by this process alone: the lock is taken before PGlite touches the
 * folder and given back after it has closed (orm.close), or when opening fails.
 */
async function openLockedPglite(dataDir: string, opts: OpenOptions): Promise<Orm> {
  // PGlite creates only the last folder of its data directory; a fresh clone has no ./data yet.
  mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const lock = lockDataDir(dataDir, {
    command: opts.owner?.command ?? path.basename(process.argv[1] ?? 'node'),
    hint: opts.owner?.hint ?? STOP_THE_OTHER,
  });
  let orm: Orm;
  try {
    orm = await openPglite(dataDir, opts);
  } catch (error) {
    lock.release();
    throw error;
  }
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    try {
      await close(force);
    } finally {
      lock.release();
    }
  };
  return orm;
}

/** Brings the schema up to date with the committed migrations. */
export async function migrate(orm: Orm): Promise<void> {
  await orm.migrator.up();
}

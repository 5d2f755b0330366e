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
import type { DatabaseConfig } from '../config.js';
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
}

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
  if (db.kind === 'pglite') {
    // PGlite creates only the last folder of its data directory; a fresh clone has no ./data yet.
    if (!db.dataDir.startsWith('memory:')) mkdirSync(path.dirname(path.resolve(db.dataDir)), { recursive: true });
    return MikroORM.init({
      ...baseOptions(opts),
      driver: PgliteDriver,
      dbName: db.dataDir,
      driverOptions: { extensions: { postgis } },
    } as Options);
  }
  return MikroORM.init({
    ...baseOptions(opts),
    driver: PostgreSqlDriver,
    clientUrl: db.url,
    pool: { min: 0, max: 10 },
  } as Options);
}

/** Brings the schema up to date with the committed migrations. */
export async function migrate(orm: Orm): Promise<void> {
  await orm.migrator.up();
}

import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '../../server/bootstrap.js';
import { loadConfig, type AppConfig, type DatabaseConfig } from '../../server/config.js';
import { migrate, openOrm, type Em, type Orm } from '../../server/db/orm.js';

export interface Backend {
  name: 'pglite' | 'postgresql';
  database: DatabaseConfig;
}

/** The backends tests run on: the embedded one always, a PostGIS server when TEST_DATABASE_URL is set. */
export function testBackends(): Backend[] {
  const backends: Backend[] = [{ name: 'pglite', database: { kind: 'pglite', dataDir: 'memory://' } }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) backends.push({ name: 'postgresql', database: { kind: 'postgresql', url } });
  return backends;
}

export function testConfig(database: DatabaseConfig): AppConfig {
  // No tile warm-up in the background: its statements would mix into what a test counts or times (tile-warm.test.ts turns it on).
  return { ...loadConfig({}), database, port: 0, host: '127.0.0.1', warmTilesOnStart: false };
}

export interface TestDatabase {
  orm: Orm;
  database: DatabaseConfig;
  em(): Em;
  /** Closes the ORM and, on the server, drops the file's own database. */
  dispose(): Promise<void>;
}

/**
 * A new, completely empty database (no schema, no migrations table) on the PostgreSQL server at
 * `serverUrl`, with its URL and a `drop` that removes it (even with clients still connected).
 */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `atlas_test_${randomBytes(6).toString('hex')}`;
  const admin = await openOrm({ kind: 'postgresql', url: serverUrl });
  await admin.em.getConnection().execute(`create database "${name}"`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = await openOrm({ kind: 'postgresql', url: serverUrl });
      await again.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
      await again.close();
    },
  };
}

/**
 * A fresh, migrated, empty database for one test file: in-memory PGlite, or a database of its own
 * on the PostGIS server, so test files never share state.
 */
export async function openEmptyDatabase(
  backend: DatabaseConfig,
  opts: { onQuery?: (sql: string) => void; /** Stop after this migration (to test a later one on old data). */ migrateTo?: string } = {},
): Promise<TestDatabase> {
  let database = backend;
  let drop: (() => Promise<void>) | undefined;
  if (backend.kind === 'postgresql') {
    const created = await createServerDatabase(backend.url);
    database = { kind: 'postgresql', url: created.url };
    drop = created.drop;
  }
  const orm = await openOrm(database, opts);
  if (opts.migrateTo) await orm.migrator.up({ to: opts.migrateTo });
  else await migrate(orm);
  return {
    orm,
    database,
    em: () => orm.em.fork() as Em,
    async dispose() {
      await orm.close();
      await drop?.();
    },
  };
}

/** A database with Poland's boundaries and the seed loaded, as after a first `npm start`. */
export async function openSeededDatabase(backend: DatabaseConfig, opts: { onQuery?: (sql: string) => void } = {}): Promise<TestDatabase> {
  const db = await openEmptyDatabase(backend, opts);
  await prepareDatabase(db.orm, testConfig(db.database), () => {});
  return db;
}

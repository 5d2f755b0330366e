import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '../../server/bootstrap.js';
import { loadConfig, type AppConfig, type DatabaseConfig } from '../../server/config.js';
import { migrate, openOrm, type Em, type Orm } from '../../server/db/orm.js';
import { pgliteImage, renewDatasetState, serverTemplate, type Stage } from './seeded-copy.js';

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
 * A new database on the PostgreSQL server at `serverUrl`, with its URL and a `drop` that removes it
 * (even with clients still connected): completely empty (no schema, no migrations table), or a copy
 * of `opts.template`.
 */
export async function createServerDatabase(serverUrl: string, opts: { template?: string } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `atlas_test_${randomBytes(6).toString('hex')}`;
  const admin = await openOrm({ kind: 'postgresql', url: serverUrl });
  try {
    await admin.em.getConnection().execute(`create database "${name}"${opts.template ? ` template "${opts.template}"` : ''}`);
  } finally {
    await admin.close();
  }
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
 * on the PostGIS server, so test files never share state. In a jest run it is a copy of the run's
 * migrated database (seeded-copy.ts); `migrateTo` or `fresh` run the migrations on it instead.
 */
export async function openEmptyDatabase(
  backend: DatabaseConfig,
  opts: {
    onQuery?: (sql: string) => void;
    /** Stop after this migration (to test a later one on old data). */ migrateTo?: string;
    /** Run every migration rather than copy the run's migrated database. */ fresh?: boolean;
  } = {},
): Promise<TestDatabase> {
  const copy = opts.fresh || opts.migrateTo ? undefined : await openCopy(backend, 'migrated', opts);
  if (copy) return copy;
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
  return testDatabase(orm, database, drop);
}

function testDatabase(orm: Orm, database: DatabaseConfig, drop?: () => Promise<void>): TestDatabase {
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

/**
 * A database with Poland's boundaries and the seed loaded, as after a first `npm start`. In a jest
 * run it is a private copy of the run's seeded database (seeded-copy.ts: built once, copied in about
 * a second); `fresh` builds it from scratch instead (migrations, boundaries import, seed), for tests
 * of that path.
 */
export async function openSeededDatabase(
  backend: DatabaseConfig,
  opts: { onQuery?: (sql: string) => void; /** Build from scratch rather than copy the run's seeded database. */ fresh?: boolean } = {},
): Promise<TestDatabase> {
  const copy = opts.fresh ? undefined : await openCopy(backend, 'seeded', opts);
  if (copy) return copy;
  const db = await openEmptyDatabase(backend, { ...opts, fresh: true });
  await prepareDatabase(db.orm, testConfig(db.database), () => {});
  return db;
}

/**
 * Writes the run's seeded database into the new embedded data directory `dataDir`, for processes
 * that open it themselves (test/process). Only in a jest run (it has the image to copy).
 */
export async function writeSeededDataDir(dataDir: string): Promise<void> {
  const memory: DatabaseConfig = { kind: 'pglite', dataDir: 'memory://' };
  const loadDataDir = await pgliteImage('seeded', () => openSeededDatabase(memory, { fresh: true }));
  if (!loadDataDir) throw new Error('writeSeededDataDir: not in a jest run (no ATLAS_TEST_RUN_DIR)');
  const orm = await openOrm({ kind: 'pglite', dataDir }, { loadDataDir });
  try {
    await renewDatasetState(orm);
  } finally {
    await orm.close();
  }
}

/** A private copy of the run's `stage` database on `backend` (seeded-copy.ts), or undefined outside a jest run. */
async function openCopy(backend: DatabaseConfig, stage: Stage, opts: { onQuery?: (sql: string) => void }): Promise<TestDatabase | undefined> {
  const build = () => (stage === 'seeded' ? openSeededDatabase(backend, { fresh: true }) : openEmptyDatabase(backend, { fresh: true }));
  let database = backend;
  let drop: (() => Promise<void>) | undefined;
  let loadDataDir: Blob | undefined;
  if (backend.kind === 'postgresql') {
    const template = await serverTemplate(backend.url, stage, build);
    if (!template) return undefined;
    const created = await createServerDatabase(backend.url, { template });
    database = { kind: 'postgresql', url: created.url };
    drop = created.drop;
  } else {
    // A data directory on disk belongs to its test (data-dir and process tests): only in-memory ones are copied.
    if (!backend.dataDir.startsWith('memory:')) return undefined;
    loadDataDir = await pgliteImage(stage, build);
    if (!loadDataDir) return undefined;
  }
  const orm = await openOrm(database, { ...opts, loadDataDir });
  await renewDatasetState(orm);
  return testDatabase(orm, database, drop);
}

/**
 * The test databases, built once per jest run and copied for each test file that asks for one: the
 * `seeded` one (as after a first start: migrations, 2,477 gmina boundaries, the seed) and the
 * `migrated` one (schema only). Building them costs tens of seconds per backend and most test files
 * need exactly one of them; a copy costs about a second. The embedded copy starts PGlite from a tar
 * of the built data directory (PGlite's `dumpDataDir`/`loadDataDir`); the server copy is
 * `create database … template atlas_seeded_<run>_…`. Each copy gets a fresh dataset epoch and change
 * time, as a database built on its own would, and shares nothing with the other copies.
 */
import type { PgliteConnection } from '@mikro-orm/pglite';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { openOrm, type Orm } from '../../server/db/orm.js';
import type { TestDatabase } from './database.js';
import { runCachedFile, runId } from './run-cache.js';

/** Which database: schema only, or as after a first start. */
export type Stage = 'migrated' | 'seeded';

/** Builds the stage's database from scratch (database.ts). */
export type StageBuild = () => Promise<TestDatabase>;

/**
 * The run's embedded data directory of `stage` as a tar image (built by `build` on the first call
 * of the run), or undefined outside a jest run.
 */
export async function pgliteImage(stage: Stage, build: StageBuild): Promise<Blob | undefined> {
  const file = await runCachedFile(`pglite-${stage}.tar`, async (partial) => {
    const db = await build();
    try {
      // Everything on the data files, so the image holds all of it.
      await db.em().getConnection().execute('checkpoint');
      const pglite = await (db.orm.em.getConnection() as unknown as PgliteConnection).getNativeClient();
      writeFileSync(partial, new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    } finally {
      await db.dispose();
    }
  });
  return file ? new Blob([readFileSync(file)]) : undefined;
}

/** The prefix of the run's template databases; global-teardown.js drops them by it. */
export const TEMPLATE_PREFIX = 'atlas_seeded_';

/**
 * The name of the run's template database of `stage` on the server at `serverUrl` (built by `build`
 * on the first call of the run, then renamed), or undefined outside a jest run.
 */
export async function serverTemplate(serverUrl: string, stage: Stage, build: StageBuild): Promise<string | undefined> {
  const id = runId();
  if (!id) return undefined;
  const server = createHash('sha256').update(serverUrl).digest('hex').slice(0, 8);
  const name = `${TEMPLATE_PREFIX}${id}_${server}_${stage}`;
  const marker = await runCachedFile(`postgresql-${server}-${stage}.template`, async (partial) => {
    const db = await build();
    if (db.database.kind !== 'postgresql') throw new Error('expected a server database');
    // No session may stay on a template while it is copied: close, then rename under the run's name.
    await db.orm.close();
    const built = new URL(db.database.url).pathname.slice(1);
    const admin = await openOrm({ kind: 'postgresql', url: serverUrl });
    try {
      await admin.em.getConnection().execute(`alter database "${built}" rename to "${name}"`);
    } finally {
      await admin.close();
    }
    writeFileSync(partial, name);
  });
  return marker ? readFileSync(marker, 'utf8') : undefined;
}

/**
 * Makes a copy's dataset state its own: a new epoch (the migration's default, random per database,
 * so versions and ETags of two copies never match) and a change time of now, as after its own seeding.
 */
export async function renewDatasetState(orm: Orm): Promise<void> {
  await orm.em.getConnection().execute(`update "dataset_state" set "epoch" = default, "changed_at" = default`);
}

import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';

/**
 * Removes what the run shared (global-setup.js): its folder and, on the PostGIS server, its
 * template databases, plus those of any earlier run that was killed before its teardown (their
 * folder is gone, so nothing can be using them).
 */
export default async function globalTeardown() {
  const dir = process.env.ATLAS_TEST_RUN_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  // A bare connection (no entities): plain JS cannot load the app's entities, and pg is not a direct dependency.
  const orm = await MikroORM.init({ clientUrl: url, entities: [], discovery: { warnWhenNoEntities: false }, debug: false });
  try {
    const connection = orm.em.getConnection();
    const templates = await connection.execute(`select datname from pg_database where datname like 'atlas\\_seeded\\_%'`);
    for (const { datname } of templates) {
      // atlas_seeded_<run id>_<server key>_<stage> (test/support/seeded-copy.ts).
      const id = datname.slice('atlas_seeded_'.length).split('_')[0];
      if (existsSync(path.join(tmpdir(), `atlas-test-run-${id}`))) continue;
      await connection.execute(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await orm.close();
  }
}

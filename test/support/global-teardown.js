import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Removes what the run shared (global-setup.js): its folder and, on the PostGIS server, its seeded
 * template database, plus the template of any earlier run that was killed before its teardown
 * (its folder is gone, so nothing can be using it).
 */
export default async function globalTeardown() {
  const dir = process.env.ATLAS_TEST_RUN_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select datname from pg_database where datname like 'atlas\\_seeded\\_%'`);
    for (const { datname } of rows) {
      // atlas_seeded_<run id>_<server key> (test/support/seeded-copy.ts).
      const id = datname.slice('atlas_seeded_'.length).split('_')[0];
      if (existsSync(path.join(tmpdir(), `atlas-test-run-${id}`))) continue;
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Says up front which backends this run covers, so a skipped server run is never silent, and makes
 * the run's shared folder (test/support/run-cache.ts): the seeded database each file copies is built
 * there once per run, from this checkout's code. global-teardown.js removes it.
 */
export default function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const safe = url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@');
    console.log(`\n[atlas] database backends: embedded PGlite + PostGIS server at ${safe}`);
  } else {
    console.log('\n[atlas] database backends: embedded PGlite only. PostGIS SERVER TESTS ARE SKIPPED: set TEST_DATABASE_URL to run them (.ci/run does).');
  }
  const id = randomBytes(6).toString('hex');
  const dir = path.join(tmpdir(), `atlas-test-run-${id}`);
  mkdirSync(dir);
  // Set here, inherited by every test file's process.env (in band and in workers alike).
  process.env.ATLAS_TEST_RUN_ID = id;
  process.env.ATLAS_TEST_RUN_DIR = dir;
}

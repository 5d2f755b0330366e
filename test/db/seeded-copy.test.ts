import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readDatasetVersion } from '../../server/dataset/dataset-version.js';
import { query } from '../../server/db/sql.js';
import { databaseChecksum } from '../support/checksum.js';
import { migrations } from '../../server/db/migrations/index.js';
import { openEmptyDatabase, openSeededDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { runDir } from '../support/run-cache.js';

/** md5 of the empty string: databaseChecksum's sum of a table without rows. */
const md5Empty = 'd41d8cd98f00b204e9800998ecf8427e';

/**
 * The seeded database a test file gets is a copy of one the run built once (test/support/seeded-copy.ts):
 * it must hold exactly what seeding from scratch gives, and be the file's own (own epoch, own writes).
 */
describe.each(testBackends())('seeded copies on $name', ({ database }) => {
  let fresh: TestDatabase;
  let first: TestDatabase;
  let second: TestDatabase;
  let empty: TestDatabase;
  // Seeding from scratch and building the run's copies can take minutes on a busy machine.
  beforeAll(async () => {
    fresh = await openSeededDatabase(database, { fresh: true });
    first = await openSeededDatabase(database);
    second = await openSeededDatabase(database);
    empty = await openEmptyDatabase(database);
  }, 900_000);
  afterAll(async () => {
    for (const db of [fresh, first, second, empty]) await db?.dispose();
  });

  it('are copies made in this run, not seeded again', () => {
    expect(runDir()).toBeDefined();
    // On the server each copy is a database of its own (on PGlite each lives in its own memory).
    expect(JSON.stringify(first.database) === JSON.stringify(second.database)).toBe(database.kind === 'pglite');
  });

  it('hold what a first start loads: every table as seeded from scratch, with its statistics', async () => {
    const expected = await databaseChecksum(fresh.em());
    expect(expected.jst).toMatch(/^2[0-9]{3}:/);
    expect(await databaseChecksum(first.em())).toEqual(expected);
    expect(await databaseChecksum(second.em())).toEqual(expected);
    const analyzed = `select count(*)::int as n from pg_stats where schemaname = 'public' and tablename = 'jst'`;
    expect((await query<{ n: number }>(first.em(), analyzed))[0]!.n).toBeGreaterThan(0);
  });

  it('of the migrated database hold every migration and no data', async () => {
    const applied = await query<{ name: string }>(empty.em(), `select name from mikro_orm_migrations order by id`);
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
    expect(await databaseChecksum(empty.em())).toEqual(Object.fromEntries(Object.keys(await databaseChecksum(fresh.em())).map((t) => [t, `0:${md5Empty}`])));
  });

  it('each have their own dataset epoch and a change time of their own making, at the same version', async () => {
    const [a, b, c, d] = await Promise.all([fresh, first, second, empty].map((db) => readDatasetVersion(db.em())));
    expect(new Set([a!.epoch, b!.epoch, c!.epoch, d!.epoch]).size).toBe(4);
    expect(b!.version).toBe(a!.version);
    expect(b!.changedAt.getTime()).toBeGreaterThan(a!.changedAt.getTime());
  });

  it('share nothing: a write to one copy is not in the other', async () => {
    const before = await databaseChecksum(second.em());
    await query(first.em(), `update partnership set name = name || ' (copy)' where id = (select min(id) from partnership)`);
    expect((await databaseChecksum(first.em())).partnership).not.toBe(before.partnership);
    expect(await databaseChecksum(second.em())).toEqual(before);
    expect((await readDatasetVersion(first.em())).version).toBe((await readDatasetVersion(second.em())).version + 1);
  });
});

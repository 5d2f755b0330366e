import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { materialise, openPinnedRead } from '../../server/dataset/version-pin.js';
import { readDatasetVersion } from '../../server/dataset/dataset-version.js';
import type { Em } from '../../server/db/orm.js';
import { migrate } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';

const PROGRAMME = `insert into programme (code, name, funder, implementers, sources) values (?, ?, 'UE', '[]', '[]')`;

/** A database with data written before versions began, then migrated: what can and cannot be rebuilt. */
describe.each(testBackends())('the version history on $name', ({ database }) => {
  let db: TestDatabase;
  let migratedAt = 0;
  const names = async (em: Em) => (await query<{ name: string }>(em, `select name from programme order by code`)).map((r) => r.name);

  beforeAll(async () => {
    db = await openEmptyDatabase(database, { migrateTo: 'Migration20261128000000_time' });
    await query(db.em(), PROGRAMME, ['OLD-1', 'Przed wersjami']);
    await migrate(db.orm);
    migratedAt = (await readDatasetVersion(db.em())).version;
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('logs the state at the migration as the first version; versions before it are not available', async () => {
    expect(migratedAt).toBe(2);
    expect(await query(db.em(), `select version::int, actor from dataset_version_log`)).toEqual([{ version: 2, actor: 'migration' }]);
    await expect(materialise(db.em(), 1)).rejects.toMatchObject({ field: 'version', details: { reason: 'VERSION_NOT_AVAILABLE' } });
    await expect(materialise(db.em(), 3)).rejects.toMatchObject({ details: { reason: 'VERSION_NOT_AVAILABLE' } });
  });

  it('rebuilds each version after inserts, updates, deletes and a truncate, with a summary of each', async () => {
    const em = db.em();
    await query(em, PROGRAMME, ['NEW-1', 'Nowy']);
    await query(em, `update programme set name = 'Zmieniony' where code = 'OLD-1'`);
    // An update that changes nothing but derived columns, and one that changes nothing: no history, but a version each.
    await query(em, `update programme set name = name`);
    await query(em, `delete from programme where code = 'NEW-1'`);
    await query(em, `truncate programme cascade`);
    await query(em, PROGRAMME, ['AFTER', 'Po czyszczeniu']);
    const log = await query<{ version: number; summary: string }>(em, `select version::int, summary from dataset_version_log where version > 2 order by version`);
    expect(log).toEqual([
      { version: 3, summary: 'programme +1' },
      { version: 4, summary: 'programme ~1' },
      { version: 5, summary: 'no versioned row changed (boundaries, or an update that changed nothing)' },
      { version: 6, summary: 'programme −1' },
      { version: 7, summary: 'programme −1' },
      { version: 8, summary: 'programme +1' },
    ]);
    const at = async (version: number) => {
      const read = await openPinnedRead(db.em(), version);
      try {
        expect((await readDatasetVersion(read.em)).version).toBe(version);
        return await names(read.em);
      } finally {
        await read.release();
      }
    };
    expect(await at(2)).toEqual(['Przed wersjami']);
    expect(await at(3)).toEqual(['Nowy', 'Przed wersjami']);
    expect(await at(4)).toEqual(['Nowy', 'Zmieniony']);
    expect(await at(6)).toEqual(['Zmieniony']);
    expect(await at(7)).toEqual([]);
    expect(await at(8)).toEqual(['Po czyszczeniu']);
    expect(await names(db.em())).toEqual(['Po czyszczeniu']);
  });

  it('keeps at most the configured number of versions materialised, rebuilding a dropped one on demand', async () => {
    await materialise(db.em(), 5, 2);
    const kept = await query<{ nspname: string }>(db.em(), `select nspname from pg_namespace where nspname like 'atlas\\_v%' order by nspname`);
    expect(kept.map((r) => r.nspname)).toEqual(['atlas_v5', 'atlas_v8']);
    const read = await openPinnedRead(db.em(), 2, 2);
    expect(await names(read.em)).toEqual(['Przed wersjami']);
    await read.release();
  });
});

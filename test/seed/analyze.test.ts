import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importGeodata } from '../../geodata/import-geodata.js';
import { query } from '../../server/db/sql.js';
import { loadSeed } from '../../server/seed/load-seed.js';
import { readSeed } from '../../server/seed/read-seed.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { GEODATA_DIR } from '../support/fixtures.js';

/**
 * Bulk loads leave the planner statistics behind them: PGlite never analyzes on its own, and
 * `coverage` planned without them took 10–20× longer there. `reltuples` is -1 (never analyzed)
 * or 0 until ANALYZE counts the rows.
 */
describe.each(testBackends())('planner statistics after bulk loads ($name)', ({ database }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openEmptyDatabase(database);
  });
  afterAll(async () => db?.dispose());

  const estimated = async (tables: string[]) =>
    Object.fromEntries(
      (await query<{ relname: string; reltuples: number }>(db.em(), `select relname, reltuples::float8 as reltuples from pg_class where relname = any(?::text[]) and relkind = 'r'`, [
        `{${tables.join(',')}}`,
      ])).map((r) => [r.relname, r.reltuples]),
    );

  it('the geodata import analyzes the boundaries', async () => {
    await importGeodata(db.em(), GEODATA_DIR);
    const [jst] = await query<{ n: number }>(db.em(), `select count(*)::int as n from jst`);
    expect(await estimated(['jst'])).toEqual({ jst: jst!.n });
  });

  it('the seed analyzes what it loaded', async () => {
    const report = await loadSeed(db.em(), await readSeed());
    const after = await estimated(['partnership', 'membership', 'participation', 'programme']);
    expect(after).toEqual({ partnership: report.partnerships, membership: report.memberships, participation: report.participations, programme: report.programmes });
  });
});

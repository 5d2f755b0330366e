import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { query } from '../../server/db/sql.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';

/**
 * The migration that gives partnerships their województwa, run on an atlas made before it: each
 * partnership gets those of its members; one without members gets none (no regional token covers it).
 */
describe.each(testBackends())('województwa of partnerships made before the column, on $name', ({ database }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openEmptyDatabase(database, { migrateTo: 'Migration20261127010000_editing' });
    const square = `ST_Multi(ST_MakeEnvelope(19, 50, 19.1, 50.1, 4326))`;
    for (const [teryt, level, kind, parent] of [['12', 'VOIVODESHIP', 'WOJEWODZTWO', null], ['14', 'VOIVODESHIP', 'WOJEWODZTWO', null], ['1201', 'COUNTY', 'POWIAT', '12'], ['1401', 'COUNTY', 'POWIAT', '14']]) {
      await query(db.em(), `insert into jst (teryt, name, search_name, level, kind, parent_teryt, voivodeship_teryt, boundary, area_km2) values (?, ?, ?, ?, ?, ?, ?, ${square}, 1)`, [teryt, teryt, teryt, level, kind, parent, teryt!.slice(0, 2)]);
    }
    for (const slug of ['dwa-regiony', 'bez-czlonkow']) {
      await query(db.em(), `insert into partnership (slug, name, search_name, legal_form, area_type, members_complete, sources) values (?, ?, ?, 'UNKNOWN', 'OTHER', false, '[]')`, [slug, slug, slug]);
    }
    for (const teryt of ['1401', '1201']) {
      await query(db.em(), `insert into membership (partnership_id, jst_teryt, role, sources) select id, ?, 'MEMBER', '[]' from partnership where slug = 'dwa-regiony'`, [teryt]);
    }
    await db.orm.migrator.up();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('fills them in from the members, sorted and without repeats', async () => {
    const rows = await query<{ slug: string; voivodeships: string[] }>(db.em(), `select slug, voivodeships from partnership order by slug`);
    expect(rows).toEqual([{ slug: 'bez-czlonkow', voivodeships: [] }, { slug: 'dwa-regiony', voivodeships: ['12', '14'] }]);
  });

  it('refuses a code that is not a województwo', async () => {
    await expect(query(db.em(), `update partnership set voivodeships = '{13}' where slug = 'bez-czlonkow'`)).rejects.toThrow(/partnership_voivodeships_check/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { query } from '../../server/db/sql.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';

/**
 * The migration that refolds search keys, run on an atlas made before it: keys kept hyphens and ran
 * a partnership's name and short name together, so "bielsko biala" found nothing and "lom" was no
 * exact match. After it, both are found, ranked, without reloading anything.
 */
describe.each(testBackends())('search keys made before ranked search, on $name', ({ database }) => {
  let db: TestDatabase;
  let api: GraphqlClient;
  beforeAll(async () => {
    db = await openEmptyDatabase(database, { migrateTo: 'Migration20261127050000_area_refresh_queue' });
    const square = `ST_Multi(ST_MakeEnvelope(19, 50, 19.1, 50.1, 4326))`;
    for (const [teryt, name, oldKey, level, kind, parent] of [
      ['24', 'ŚLĄSKIE', 'slaskie', 'VOIVODESHIP', 'WOJEWODZTWO', null],
      ['2461', 'Bielsko-Biała', 'bielsko-biala', 'COUNTY', 'MIASTO_NA_PRAWACH_POWIATU', '24'],
    ]) {
      await query(db.em(), `insert into jst (teryt, name, search_name, level, kind, parent_teryt, voivodeship_teryt, boundary, area_km2) values (?, ?, ?, ?, ?, ?, '24', ${square}, 1)`, [teryt, name, oldKey, level, kind, parent]);
    }
    await query(db.em(), `insert into partnership (slug, name, short_name, search_name, legal_form, area_type, members_complete, sources) values ('lom', 'Łódzki Obszar Metropolitalny', 'ŁOM', 'lodzki obszar metropolitalny lom', 'UNKNOWN', 'OTHER', false, '[]')`);
    await db.orm.migrator.up();
    api = await graphqlClient(db.orm);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.dispose();
  });

  it('refolds the keys: hyphens as spaces, name and short name apart', async () => {
    expect(await query(db.em(), `select teryt, search_name from jst order by teryt`)).toEqual([{ teryt: '24', search_name: 'slaskie' }, { teryt: '2461', search_name: 'bielsko biala' }]);
    expect(await query(db.em(), `select search_name from partnership`)).toEqual([{ search_name: 'lodzki obszar metropolitalny | lom' }]);
  });

  it('finds them by the new rules at once', async () => {
    const data = await api.data(`{ jsts(filter: { search: "bielsko biala" }) { edges { node { teryt } } } partnerships(filter: { search: "łom" }) { edges { cursor node { slug } } } }`);
    expect(data.jsts.edges.map((e: any) => e.node.teryt)).toEqual(['2461']);
    expect(data.partnerships.edges.map((e: any) => Buffer.from(e.cursor, 'base64url').toString())).toEqual(['r:0:lom']); // exact
  });
});

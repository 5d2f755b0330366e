import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { AreaOnDayService } from '../../server/partnership/area-on-day.js';
import { openSeededDatabase, testBackends, type TestDatabase } from '../support/database.js';

/**
 * Past-day functional areas kept by member set (`area_memo`): a day's union is computed once and
 * read back for any day with the same members; it equals the union computed afresh; a boundary
 * change empties the memo, so no read after it sees the old shape; a read-only (pinned) transaction
 * computes without writing.
 */
const AW = 'aglomeracja-walbrzyska';
const SHAPE = [{ simplify: 0, precision: 6 }];

describe.each(testBackends())('area memo on $name', ({ database }) => {
  let db: TestDatabase;
  let id: number;
  beforeAll(async () => {
    db = await openSeededDatabase(database);
    id = (await query<{ id: number }>(db.em(), `select id from partnership where slug = ?`, [AW]))[0]!.id;
  });
  afterAll(async () => db?.dispose());

  const area = (day: string, em: Em = db.em()) => new AreaOnDayService(em, null).read(id, day, SHAPE);
  const kept = async () => (await query<{ n: number }>(db.em(), `select count(*)::int as n from area_memo`))[0]!.n;
  /** The union of the members on `day`, computed here in SQL, in km² (what the memo must agree with). */
  const freshKm2 = async (day: string) =>
    Number(
      (await query<{ km2: number }>(db.em(), `select ST_Area(ST_Union(j.boundary)::geography) / 1e6 as km2 from membership m join jst j on j.teryt = m.jst_teryt
         where m.partnership_id = ? and atlas_active_on(m.joined, m."left", ?) and j.level <> 'VOIVODESHIP'`, [id, day]))[0]!.km2,
    );

  it('keeps a day\'s union once and reads it back for another day with the same members; the figures are the union\'s', async () => {
    await query(db.em(), `delete from area_memo`);
    const first = await area('2016-06-01');
    expect([first.figures.memberCount, await kept()]).toEqual([22, 1]);
    expect(first.figures.areaKm2).toBeCloseTo(await freshKm2('2016-06-01'), 3);
    const sameMembers = await area('2017-06-01');
    expect([sameMembers.figures, sameMembers.geometries, await kept()]).toEqual([first.figures, first.geometries, 1]);
    expect((await area('2023-06-01')).figures.memberCount).toBe(28); // other members: a second entry
    expect(await kept()).toBe(2);
  });

  it('a boundary change empties the memo, and the next read has the new shape', async () => {
    const before = await area('2016-06-01');
    const [{ teryt }] = await query<{ teryt: string }>(db.em(), `select m.jst_teryt as teryt from membership m where m.partnership_id = ? and atlas_active_on(m.joined, m."left", '2016-06-01') order by 1 limit 1`, [id]);
    // Moved 5° east, far past the partnership's eastern edge: the union's bbox must follow.
    await query(db.em(), `update jst set boundary = ST_Multi(ST_Translate(boundary, 5, 0)) where teryt = ?`, [teryt]);
    expect(await kept()).toBe(0);
    const after = await area('2016-06-01');
    expect(after.figures.bbox![2]).toBeGreaterThan(before.figures.bbox![2]);
    expect(after.figures.areaKm2).toBeCloseTo(await freshKm2('2016-06-01'), 3);
    await query(db.em(), `update jst set boundary = ST_Multi(ST_Translate(boundary, -5, 0)) where teryt = ?`, [teryt]);
  });

  it('a read-only transaction (a pinned read) computes the area without keeping it', async () => {
    await query(db.em(), `delete from area_memo`);
    const fork = db.em();
    const result = await fork.transactional(async (tx) => {
      await query(tx as Em, `set transaction read only`);
      return area('2016-06-01', tx as Em);
    });
    expect([result.figures.memberCount, await kept()]).toEqual([22, 0]);
  });
});

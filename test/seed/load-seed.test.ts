import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importGeodata } from '../../geodata/import-geodata.js';
import { query } from '../../server/db/sql.js';
import { PartnershipService } from '../../server/partnership/partnership.service.js';
import { loadSeed, SeedError } from '../../server/seed/load-seed.js';
import { readSeed } from '../../server/seed/read-seed.js';
import { databaseChecksum } from '../support/checksum.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { GEODATA_DIR } from '../support/fixtures.js';

/** Katowice (lng, lat degrees): a founder of KZK GOP and a member of GZM. */
const KATOWICE = [19.02, 50.26] as const;

describe.each(testBackends())('loading the seed ($name)', ({ database }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openEmptyDatabase(database);
    await importGeodata(db.em(), GEODATA_DIR);
  });
  afterAll(async () => db?.dispose());

  it('writes nothing when a fact fails validation', async () => {
    const before = await databaseChecksum(db.em());
    const broken = structuredClone(await readSeed());
    broken.partnerships.at(-1)!.members.push({ teryt: '1201091', sourceName: 'Nowhere', role: 'MEMBER', sources: [{ ref: 'https://example.org' }] });
    await expect(loadSeed(db.em(), broken)).rejects.toThrow(SeedError);
    await expect(loadSeed(db.em(), broken)).rejects.toThrow('TERYT code not in the geodata');
    expect(await databaseChecksum(db.em())).toEqual(before);
  });

  it('is all-or-nothing: a fault only the database finds, in the last partnership, leaves the atlas empty', async () => {
    const before = await databaseChecksum(db.em());
    const broken = structuredClone(await readSeed());
    // Validation does not check the sign of a stated count; the table's check constraint does, after the
    // programmes and the other partnerships have been written by the same load.
    broken.partnerships.at(-1)!.statedMemberCount = -1;
    await expect(loadSeed(db.em(), broken)).rejects.toThrow(/check constraint/);
    expect(await databaseChecksum(db.em())).toEqual(before);
    const [programmes] = await query<{ n: number }>(db.em(), `select count(*)::int as n from programme`);
    expect(programmes!.n).toBe(0);
  });

  it('loads every partnership, membership and source, and refuses to load twice', async () => {
    const seed = await readSeed();
    const report = await loadSeed(db.em(), seed);
    expect(report.partnerships).toBe(seed.partnerships.length);
    const [row] = await query<{ n: number; unsourced: number }>(
      db.em(),
      `select count(*)::int as n, count(*) filter (where jsonb_array_length(sources) = 0)::int as unsourced from membership`,
    );
    expect(row).toEqual({ n: report.memberships, unsourced: 0 });
    await expect(loadSeed(db.em(), seed)).rejects.toThrow('already holds partnerships');
  });

  it('gives KZK GOP no functional area today: its members left on 1.01.2019', async () => {
    const [kzk] = await query<{ member_count: number; has_area: boolean; current: number }>(
      db.em(),
      `select p.member_count, p.area is not null as has_area,
              (select count(*)::int from membership m where m.partnership_id = p.id and membership_is_current(m."left")) as current
       from partnership p where p.slug = 'kzk-gop'`,
    );
    expect(kzk).toEqual({ member_count: 0, has_area: false, current: 0 });
    const here = (await new PartnershipService(db.em()).at(...KATOWICE)).map((p) => p.slug);
    expect(here).toContain('gzm');
    expect(here).not.toContain('kzk-gop');
  });
});

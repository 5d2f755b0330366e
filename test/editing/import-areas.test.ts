import { beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../server/auth/role.js';
import type { Actor } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { prepareDatabase } from '../../server/bootstrap.js';
import { query } from '../../server/db/sql.js';
import { PartnershipImportService } from '../../server/import/partnership-import.service.js';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends, testConfig } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const IMPORT = `mutation($csv: String!, $dryRun: Boolean!) { importPartnerships(csv: $csv, dryRun: $dryRun) { applied errors { line field message } } }`;
const CLI: Actor = { name: 'cli:test', role: Role.ADMIN, voivodeships: null };

/** A file creating `count` partnerships named `prefix N`, each of `size` municipalities from the list. */
const file = (prefix: string, teryts: string[], count: number, size: number) =>
  ['partnership,teryt,source', ...Array.from({ length: count * size }, (_, i) => `${prefix} ${Math.floor(i / size) + 1},${teryts[i % teryts.length]},https://example.org/uchwala-${i}`)].join('\n');

/** Each partnership's stored area and member count beside the union of its current members computed now. */
const AREAS = `select p.slug, p.area_km2 as stored, p.member_count as count, coalesce(ST_Area(u.geom::geography) / 1e6, 0) as expected, u.n
  from partnership p cross join lateral (
    select ST_Union(j.boundary) as geom, count(*)::int as n from membership m join jst j on j.teryt = m.jst_teryt
    where m.partnership_id = p.id and membership_is_current(m."left") and j.level <> 'VOIVODESHIP') u
  where p.slug like ? order by p.slug`;

describe.each(testBackends())('functional areas after an import on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  let teryts: string[];
  beforeAll(async () => {
    // Municipalities of powiat bocheński and brzeski (Małopolska), neighbours, as the database has them.
    teryts = (await query<{ teryt: string }>(seeded.db.em(), `select teryt from jst where level = 'MUNICIPALITY' and (teryt like '1201%' or teryt like '1202%') order by teryt limit 8`)).map((r) => r.teryt);
  });
  const areas = (slugPrefix: string) => query<{ slug: string; stored: number; count: number; expected: number; n: number }>(seeded.db.em(), AREAS, [`${slugPrefix}%`]);
  const queued = async () => (await query<{ n: number }>(seeded.db.em(), `select count(*)::int as n from area_refresh`))[0]!.n;
  const expectUnions = (rows: { stored: number; count: number; expected: number; n: number }[]) => {
    for (const r of rows) {
      expect(r.count).toBe(r.n);
      expect(Math.abs(r.stored - r.expected)).toBeLessThan(1e-6 * r.expected);
    }
  };

  it('leaves every area equal to the union of its members once the import answers, the queue empty', async () => {
    await new PartnershipImportService(seeded.db.em(), { batchSize: 2 }).run(CLI, file('Obszar Unii', teryts, 5, 4), false);
    // A second file shrinks two of them (a file is the whole member list): areas follow removals too.
    await new PartnershipImportService(seeded.db.em(), { batchSize: 2 }).run(CLI, file('Obszar Unii', teryts.slice(6), 2, 1), false);
    const rows = await areas('obszar-unii-');
    expect(rows.map((r) => r.count)).toEqual([1, 1, 4, 4, 4]);
    expect(rows.every((r) => r.stored > 0)).toBe(true);
    expectUnions(rows);
    expect(await queued()).toBe(0);
  });

  it('answers a light read while the refresh phase runs, the areas still pending meanwhile', async () => {
    const seen: { pending: number; name: string; ms: number }[] = [];
    const betweenBatches = async () => {
      if (seen.length) return;
      const t0 = performance.now();
      // Deadlocks (and times out) if the refresh still held the embedded database's one connection.
      const read = seeded.api.data(`{ jst(teryt: "${teryts[0]}") { name } }`);
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the read waited for the refresh')), 5_000).unref());
      const { jst } = await Promise.race([read, timeout]);
      seen.push({ pending: await queued(), name: jst.name, ms: performance.now() - t0 });
    };
    await new PartnershipImportService(seeded.db.em(), { batchSize: 1, betweenBatches }).run(CLI, file('Obszar Odczytu', teryts, 3, 3), false);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.name).toEqual(expect.any(String));
    expect(seen[0]!.pending).toBe(2);
    expectUnions(await areas('obszar-odczytu-'));
  });

  it('recomputes at start-up the areas an import left queued when it stopped between its commit and its refresh', async () => {
    const crash = () => {
      throw new Error('simulated crash after the first batch');
    };
    const run = new PartnershipImportService(seeded.db.em(), { batchSize: 1, betweenBatches: crash }).run(CLI, file('Obszar Awarii', teryts, 3, 2), false);
    await expect(run).rejects.toThrow('simulated crash');
    const stale = await areas('obszar-awarii-');
    expect(stale.filter((r) => r.count !== r.n)).toHaveLength(2);
    expect(await queued()).toBe(2);

    const log: string[] = [];
    await prepareDatabase(seeded.db.orm, testConfig(seeded.db.database), (line) => log.push(line));
    expect(log).toContain('functional areas: recomputed 2 left queued by an interrupted import');
    expectUnions(await areas('obszar-awarii-'));
    expect(await queued()).toBe(0);
  });

  it('refuses a row whose gmina lies outside the partnership’s województwa, with its line and field, even for a national editor', async () => {
    const token = (await new TokenService(seeded.db.em()).create('national-import', Role.EDITOR, null)).secret;
    const before = await databaseChecksum(seeded.db.em());
    // metropolia-krakowska is in Małopolska (12); 2469011 is Katowice, in Śląsk (24).
    const csv = ['partnership,teryt,source', `metropolia-krakowska,${teryts[0]},https://example.org/a`, 'metropolia-krakowska,2469011,https://example.org/b'].join('\n');
    const { importPartnerships: r } = await seeded.api.data(IMPORT, { csv, dryRun: false }, token);
    expect(r).toEqual({
      applied: false,
      errors: [{ line: 3, field: 'teryt', message: "2469011 lies in województwo 24, which is not among the partnership's (12); add it to voivodeships first" }],
    });
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);
  });
});

import { beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { refreshAreas } from '../../server/partnership/area-refresh.js';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const IMPORT = `mutation($csv: String!, $dryRun: Boolean!) { importPartnerships(csv: $csv, dryRun: $dryRun) { applied errors { line field message } } }`;
const SET_MEMBERS = `mutation($slug: String!, $version: Int!, $members: [MemberInput!]!) {
  setMembers(slug: $slug, version: $version, members: $members, leader: null) { version } }`;
const READ = `query($slug: String!) { partnership(slug: $slug) { version members { jst { teryt } } } }`;
const SLUG = 'blisko-krakowa';
const PAIRS = 40;

// Races only mean something with real parallel connections: the embedded database has one.
const servers = testBackends().filter((b) => b.name === 'postgresql');
const describeServer = servers.length ? describe.each(servers) : describe.skip.each([{ name: 'postgresql (TEST_DATABASE_URL not set)', database: testBackends()[0]!.database }]);

describeServer('an import racing setMembers on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  let token: string;
  let listA: string[];
  let listB: string[];
  beforeAll(async () => {
    token = (await new TokenService(seeded.db.em()).create('race', Role.ADMIN, null)).secret;
    const { partnership } = await seeded.api.data(READ, { slug: SLUG });
    const all = partnership.members.map((m: { jst: { teryt: string } }) => m.jst.teryt).sort();
    // Two lists that overlap and both differ from each other, so each write adds, keeps and removes.
    const half = Math.ceil(all.length / 2);
    listA = all.slice(0, half + 2);
    listB = all.slice(half - 2);
  });

  const csvOf = (teryts: string[], version?: number) =>
    [`partnership,teryt,role,source${version ? ',version' : ''}`, ...teryts.map((t) => `${SLUG},${t},member,https://example.org/import${version ? `,${version}` : ''}`)].join('\n');
  const membersOf = (teryts: string[]) => teryts.map((teryt) => ({ teryt, role: 'MEMBER', sources: [{ ref: 'https://example.org/set-members' }] }));
  const codeOf = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => (r.errors ? String(r.errors[0]?.extensions?.code) : 'OK');

  it(`answers each of ${PAIRS} concurrent (import, setMembers) pairs with success or CONFLICT, and never merges the lists`, async () => {
    const codes: string[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const [imported, set] = i % 2 ? [listA, listB] : [listB, listA];
      const { partnership } = await seeded.api.data(READ, { slug: SLUG });
      const [importResult, setResult] = await Promise.all([
        seeded.api.run(IMPORT, { csv: csvOf(imported), dryRun: false }, token),
        seeded.api.run(SET_MEMBERS, { slug: SLUG, version: partnership.version, members: membersOf(set) }, token),
      ]);
      codes.push(codeOf(importResult), codeOf(setResult));
      expect([codeOf(importResult), codeOf(setResult)]).toEqual([expect.stringMatching(/^(OK|CONFLICT)$/), expect.stringMatching(/^(OK|CONFLICT)$/)]);
      const { partnership: after } = await seeded.api.data(READ, { slug: SLUG });
      const final = after.members.map((m: { jst: { teryt: string } }) => m.jst.teryt).sort();
      expect([imported.join(), set.join()]).toContain(final.join());
    }
    expect(codes).toContain('OK');
  });

  it('answers two concurrent imports creating the same new partnership with success and CONFLICT, never a duplicate-key error', async () => {
    for (let i = 0; i < 5; i++) {
      const name = `Nowe Partnerstwo Wyścigu ${i}`;
      const files = [listA, listB].map((teryts) => ['partnership,teryt,source', ...teryts.map((t) => `${name},${t},https://example.org/nowe`)].join('\n'));
      const results = await Promise.all(files.map((csv) => seeded.api.run(IMPORT, { csv, dryRun: false }, token)));
      // Usually both see the slug as new and one gets CONFLICT; if one commits first, the other imports into it.
      for (const code of results.map(codeOf)) expect(code).toMatch(/^(OK|CONFLICT)$/);
      const { partnership } = await seeded.api.data(READ, { slug: `nowe-partnerstwo-wyscigu-${i}` });
      const final = partnership.members.map((m: { jst: { teryt: string } }) => m.jst.teryt).sort();
      expect([listA.join(), listB.join()]).toContain(final.join());
    }
  });

  it('an area refresh waits for a writer holding the partnership instead of deadlocking with it', async () => {
    const [{ id }] = await query<{ id: number }>(seeded.db.em(), `select id from partnership where slug = ?`, [SLUG]);
    await query(seeded.db.em(), `insert into area_refresh (partnership_id) values (?) on conflict do nothing`, [id]);
    let refresh: Promise<void> | undefined;
    // The order an import takes its locks in: the partnership (FOR UPDATE), then, through its members' triggers, the queue row.
    await seeded.db.em().transactional(async (tx) => {
      await query(tx as Em, `select id from partnership where id = ? for update`, [id]);
      refresh = refreshAreas(seeded.db.em(), [id]);
      await sleep(500); // the refresh is now waiting on a lock (before the fix: holding the queue row it had deleted)
      await query(tx as Em, `insert into area_refresh (partnership_id) values (?) on conflict (partnership_id) do update set queued_at = excluded.queued_at`, [id]);
    });
    await refresh;
    expect(await query(seeded.db.em(), `select 1 from area_refresh where partnership_id = ?`, [id])).toEqual([]);
  });

  it('refuses an import whose version column is stale with CONFLICT and the current version, writing nothing', async () => {
    const { partnership } = await seeded.api.data(READ, { slug: SLUG });
    const before = await databaseChecksum(seeded.db.em());
    const stale = await seeded.api.run(IMPORT, { csv: csvOf(listA, partnership.version - 1), dryRun: false }, token);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: partnership.version });
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);
    const fresh = await seeded.api.run(IMPORT, { csv: csvOf(listA, partnership.version), dryRun: false }, token);
    expect(fresh.data?.importPartnerships).toMatchObject({ applied: true, errors: [] });
  });
});

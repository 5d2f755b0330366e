import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { importGeodata } from '../../geodata/import-geodata.js';
import { readDatasetVersion } from '../../server/dataset/dataset-version.js';
import type { Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { Role, type Actor } from '../../server/auth/role.js';
import { PartnershipImportService } from '../../server/import/partnership-import.service.js';
import { deferAreaRefresh, refreshPendingAreas } from '../../server/partnership/area-refresh.js';
import { loadSeed } from '../../server/seed/load-seed.js';
import { readSeed } from '../../server/seed/read-seed.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { createTestTokens, members, partnershipFixture, participationFixture, SRC, uniqueSlug, type TestTokens } from '../support/editing-fixtures.js';
import { GEODATA_DIR } from '../support/fixtures.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';

const CLI: Actor = { name: 'cli:test', role: Role.ADMIN, voivodeships: null };

// Gminy of powiat bocheński (małopolskie, 12): Bochnia (rural) 1201022, Drwinia 1201032, Rzezawa 1201052.
describe.each(testBackends())('the dataset version on $name', ({ database }) => {
  let db: TestDatabase;
  let api: GraphqlClient;
  let tokens: TestTokens;
  const version = async () => (await readDatasetVersion(db.em())).version;
  /** Runs `write` and returns how far the version moved. */
  const moved = async (write: () => Promise<unknown>) => {
    const before = await version();
    await write();
    return (await version()) - before;
  };

  beforeAll(async () => {
    db = await openEmptyDatabase(database);
    api = await graphqlClient(db.orm);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.dispose();
  });

  it('starts at 1 on a migrated database, with an epoch of its own', async () => {
    const v = await readDatasetVersion(db.em());
    expect(v).toMatchObject({ version: 1, epoch: expect.stringMatching(/^[0-9a-f]{32}$/), tag: `${v.epoch.slice(0, 8)}.1` });
    expect(v.changedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('moves once for the geodata import and once for the seed, each one transaction', async () => {
    const before = await readDatasetVersion(db.em());
    expect(await moved(() => importGeodata(db.em(), GEODATA_DIR))).toBe(1);
    expect(await moved(async () => loadSeed(db.em(), await readSeed()))).toBe(1);
    const after = await readDatasetVersion(db.em());
    expect(after.changedAt.getTime()).toBeGreaterThan(before.changedAt.getTime());
    tokens = await createTestTokens(db.em());
  });

  it('does not move for reads, however heavy', async () => {
    expect(
      await moved(async () => {
        await api.data(`{ jstFeatures(level: VOIVODESHIP, simplify: 0.05, precision: 3) coverage { gminyCovered } programmes { code loaded { partnerships } } }`);
        await api.data(`{ partnerships(first: 5) { edges { node { slug history { action } members { jst { name } } } } } changes(first: 3) { totalCount } }`);
        await query(db.em(), `select count(*) from membership`);
      }),
    ).toBe(0);
  });

  it('moves once for each mutation that commits', async () => {
    const p = await partnershipFixture(api, tokens.admin, ['12'], ['1201022'], 'wersja');
    const mutations: [string, string, Record<string, unknown>][] = [
      ['updatePartnership', `mutation($slug: String!) { updatePartnership(slug: $slug, version: 1, input: { name: "Nowa nazwa" }) { version } }`, { slug: p.slug }],
      ['setMembers', `mutation($slug: String!, $m: [MemberInput!]!) { setMembers(slug: $slug, version: 2, members: $m) { version } }`, { slug: p.slug, m: members('1201022', '1201032') }],
      ['addParticipation', `mutation($slug: String!) { addParticipation(slug: $slug, input: { programme: "CWD", status: APPLICANT, sources: ${gqlSources()} }) { id } }`, { slug: p.slug }],
      ['createProgramme', `mutation($code: String!) { createProgramme(input: { code: $code, name: "Program testowy", funder: "UE", sources: ${gqlSources()} }) { code } }`, { code: `TEST-${process.pid}` }],
      ['updateProgramme', `mutation($code: String!) { updateProgramme(code: $code, version: 1, input: { name: "Program zmieniony" }) { version } }`, { code: `TEST-${process.pid}` }],
      ['archivePartnership', `mutation($slug: String!) { archivePartnership(slug: $slug, version: 3) { slug } }`, { slug: p.slug }],
      ['createToken', `mutation($name: String!) { createToken(name: $name, role: EDITOR) { role } }`, { name: uniqueSlug('token') }],
    ];
    for (const [name, mutation, variables] of mutations) {
      expect([name, await moved(() => api.data(mutation, variables, tokens.admin))]).toEqual([name, 1]);
    }
    const other = await partnershipFixture(api, tokens.admin, ['12'], ['1201052'], 'uczestnictwo');
    const participation = await participationFixture(api, tokens.admin, other.slug);
    const update = `mutation($id: Int!, $version: Int!) { updateParticipation(id: $id, version: $version, input: { status: GRANTEE }) { version } }`;
    expect(await moved(() => api.data(update, participation, tokens.admin))).toBe(1);
  });

  it('moves for the CSV import (mutation and service) and again for each batch of areas it recomputes', async () => {
    const csv = ['partnership,teryt,source', `Import Wersji ${process.pid},1201022,https://example.org/uchwala`, `Import Wersji ${process.pid},1201032,https://example.org/uchwala`].join('\n');
    const IMPORT = `mutation($csv: String!) { importPartnerships(csv: $csv, dryRun: false) { applied } }`;
    expect(await moved(() => api.data(IMPORT, { csv }, tokens.admin))).toBeGreaterThanOrEqual(1);
    const csv2 = csv.replace(/,1201032,/, ',1201052,');
    // One transaction for the rows, one for the recomputed area (a batch of one partnership).
    expect(await moved(() => new PartnershipImportService(db.em()).run(CLI, csv2, false))).toBe(2);
  });

  it('moves when queued areas are recomputed (as at start-up after an interrupted import)', async () => {
    const p = await partnershipFixture(api, tokens.admin, ['12'], ['1201022'], 'kolejka');
    await db.em().transactional(async (tx) => {
      await deferAreaRefresh(tx as Em);
      await query(tx as Em, `update membership set "left" = '2001' where partnership_id = (select id from partnership where slug = ?)`, [p.slug]);
    });
    expect(await moved(() => refreshPendingAreas(db.em()))).toBe(1);
  });

  it('does not move for writes that fail or roll back, nor for a dry run', async () => {
    const p = await partnershipFixture(api, tokens.admin, ['12'], ['1201022'], 'nieudana');
    const stale = `mutation($slug: String!) { updatePartnership(slug: $slug, version: 7, input: { name: "Za późno" }) { version } }`;
    expect(await moved(async () => expect((await api.run(stale, { slug: p.slug }, tokens.admin)).errors?.[0]?.extensions?.code).toBe('CONFLICT'))).toBe(0);
    const bad = `mutation($slug: String!) { setMembers(slug: $slug, version: 1, members: [{ teryt: "1201091", role: MEMBER, sources: ${gqlSources()} }]) { version } }`;
    expect(await moved(async () => expect((await api.run(bad, { slug: p.slug }, tokens.admin)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT'))).toBe(0);
    const dry = `mutation { importPartnerships(csv: "partnership,teryt,source\\nSucha Próba,1201022,https://example.org/a", dryRun: true) { applied } }`;
    expect(await moved(() => api.data(dry, {}, tokens.admin))).toBe(0);
    const rolledBack = db.em().transactional(async (tx) => {
      await query(tx as Em, `update partnership set name = 'Wycofana' where slug = ?`, [p.slug]);
      await query(tx as Em, `delete from unmatched_member`);
      await query(tx as Em, `insert into reported_figure (programme_id, position, label, label_pl, value, unit, sources) select id, 99, 'x', 'x', 1, 'x', '[]' from programme limit 1`);
      throw new Error('roll back');
    });
    expect(await moved(() => expect(rolledBack).rejects.toThrow('roll back'))).toBe(0);
    expect(await db.em().getConnection().execute(`select count(*)::int as n from dataset_change`)).toEqual([{ n: 0 }]);
  });

  it('moves once for a transaction of many statements on many tables, and for TRUNCATE', async () => {
    expect(
      await moved(() =>
        db.em().transactional(async (tx) => {
          for (const table of ['partnership', 'membership', 'participation', 'programme', 'programme_phase', 'reported_figure', 'partner', 'unmatched_member', 'jst']) {
            await query(tx as Em, `update "${table}" set "${table === 'jst' ? 'teryt' : 'id'}" = "${table === 'jst' ? 'teryt' : 'id'}" where false`);
          }
        }),
      ),
    ).toBe(1);
    expect(await moved(() => query(db.em(), `truncate "partner"`))).toBe(1);
  });

  it('does not move for token bookkeeping alone or for the area queue', async () => {
    expect(await moved(() => query(db.em(), `update api_token set revoked_at = revoked_at`))).toBe(0);
    expect(await moved(() => query(db.em(), `delete from area_refresh`))).toBe(0);
  });

  it('orders concurrent commits: every committed writer moves it once, none is lost', async () => {
    const fixtures = await Promise.all([0, 1, 2].map((i) => partnershipFixture(api, tokens.admin, ['12'], ['1201022'], `rownolegle-${i}`)));
    const rename = `mutation($slug: String!, $name: String!) { updatePartnership(slug: $slug, version: 1, input: { name: $name }) { version } }`;
    expect(await moved(() => Promise.all(fixtures.map((f, i) => api.data(rename, { slug: f.slug, name: `Równoległe ${i}` }, tokens.admin))))).toBe(3);
  });

  // Two writers that lock partnerships in opposite orders: had the first write of a transaction taken
  // the version row's lock, B would wait for A's version lock while holding Y, and A for Y: a deadlock.
  (database.kind === 'postgresql' ? it : it.skip)('lets writers that lock rows in opposite orders both commit (the bump waits for COMMIT)', async () => {
    const [x, y] = await Promise.all(['x', 'y'].map((s) => partnershipFixture(api, tokens.admin, ['12'], ['1201022'], `kolejnosc-${s}`)));
    const touch = (tx: unknown, slug: string) => query(tx as Em, `update partnership set description = 'kolejność' where slug = ?`, [slug]);
    let aWrote!: () => void;
    const aHasWritten = new Promise<void>((resolve) => (aWrote = resolve));
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const both = () =>
      Promise.all([
        db.em().transactional(async (tx) => {
          await touch(tx, x.slug);
          aWrote();
          await pause(300); // B's update of Y reaches the server meanwhile
          await touch(tx, y.slug); // waits for B to commit
        }),
        db.em().transactional(async (tx) => {
          await aHasWritten;
          await touch(tx, y.slug);
        }),
      ]);
    expect(await moved(both)).toBe(2);
  });
});

/** The shared test source as a GraphQL literal, for mutations written inline. */
function gqlSources(): string {
  return `[${SRC.map((s) => `{ ref: ${JSON.stringify(s.ref)}, quote: ${JSON.stringify(s.quote)} }`).join(', ')}]`;
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openOrm, type Em, type Orm } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { openSeededDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { createTestTokens, members, participationFixture, partnershipFixture, type TestTokens } from '../support/editing-fixtures.js';
import { graphqlClient, type GraphqlClient, type GraphqlResult } from '../support/graphql.js';

/**
 * Lost updates, on a PostgreSQL server with real parallel clients: each client has its own ORM and
 * connection pool. A test transaction holds the record's row lock while all clients send an edit
 * of the same version, and lets go only once every client waits on the database. Then exactly one
 * may win: with the row lock, the others read the winner's version and get CONFLICT; without it,
 * or without the version check, all of them would write (the test fails).
 */
const server = testBackends().find((b) => b.name === 'postgresql');
const CLIENTS = 4;

(server ? describe : describe.skip)('concurrent edits on a PostgreSQL server', () => {
  let db: TestDatabase;
  let tokens: TestTokens;
  const clients: { orm: Orm; api: GraphqlClient }[] = [];
  beforeAll(async () => {
    db = await openSeededDatabase(server!.database);
    tokens = await createTestTokens(db.em());
    for (let i = 0; i < CLIENTS; i++) {
      const orm = await openOrm(db.database);
      clients.push({ orm, api: await graphqlClient(orm) });
    }
  });
  afterAll(async () => {
    for (const c of clients) {
      await c.api.stop();
      await c.orm.close();
    }
    await db?.dispose();
  });

  /** Backends of this database waiting for a lock (the clients' edits, queued behind the held one). */
  const lockWaiters = async () =>
    (await query<{ n: number }>(db.em(), `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]!.n;

  /** Sends one edit per client at once while `lockSql` holds the record; releases it when all wait. */
  async function race(lockSql: string, params: unknown[], edit: (api: GraphqlClient, i: number) => Promise<GraphqlResult>): Promise<GraphqlResult[]> {
    let acquired!: () => void;
    let release!: () => void;
    const locked = new Promise<void>((r) => (acquired = r));
    const released = new Promise<void>((r) => (release = r));
    const holder = db.em().transactional(async (tx) => {
      await query(tx as Em, lockSql, params);
      acquired();
      await released;
    });
    await locked;
    const results = Promise.all(clients.map((c, i) => edit(c.api, i)));
    try {
      const deadline = Date.now() + 20_000;
      while ((await lockWaiters()) < CLIENTS) {
        if (Date.now() > deadline) throw new Error(`only ${await lockWaiters()} of ${CLIENTS} clients reached the database`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      release();
      await holder;
    }
    return results;
  }

  /** Exactly one edit won; every other one is a CONFLICT naming the winner's version. */
  function expectOneWinner(results: GraphqlResult[], version: number): number {
    const won = results.flatMap((r, i) => (r.errors ? [] : [i]));
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.errors)) expect(lost.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version + 1 });
    return won[0]!;
  }

  const LOCK_PARTNERSHIP = `select id from partnership where slug = ? for update`;

  it('updatePartnership: one of the clients wins each round, versions grow by one', async () => {
    const p = await partnershipFixture(clients[0]!.api, tokens.admin, ['12'], ['1201022', '1201032'], 'rownolegle');
    for (const version of [p.version, p.version + 1]) {
      const results = await race(LOCK_PARTNERSHIP, [p.slug], (api, i) =>
        api.run(`mutation($slug: String!, $v: Int!, $name: String!) { updatePartnership(slug: $slug, version: $v, input: { name: $name }) { version } }`, { slug: p.slug, v: version, name: `Wersja ${version}/${i}` }, tokens.national),
      );
      const winner = expectOneWinner(results, version);
      const { partnership } = await clients[0]!.api.data(`query($slug: String!) { partnership(slug: $slug) { name version } }`, { slug: p.slug });
      expect(partnership).toEqual({ name: `Wersja ${version}/${winner}`, version: version + 1 });
    }
  });

  it('setMembers: one member list wins, the others get CONFLICT', async () => {
    const p = await partnershipFixture(clients[0]!.api, tokens.admin, ['12'], ['1201022'], 'czlonkowie');
    const lists = [['1201022', '1201032'], ['1201022', '1201052'], ['1201032'], ['1201052']];
    const results = await race(LOCK_PARTNERSHIP, [p.slug], (api, i) =>
      api.run(`mutation($slug: String!, $v: Int!, $m: [MemberInput!]!) { setMembers(slug: $slug, version: $v, members: $m) { version } }`, { slug: p.slug, v: p.version, m: members(...lists[i]!) }, tokens.regional),
    );
    const winner = expectOneWinner(results, p.version);
    const { partnership } = await clients[0]!.api.data(`query($slug: String!) { partnership(slug: $slug) { version members { jst { teryt } } functionalArea { memberCount } } }`, { slug: p.slug });
    expect(partnership.version).toBe(p.version + 1);
    expect(partnership.members.map((m: { jst: { teryt: string } }) => m.jst.teryt).sort()).toEqual(lists[winner]);
    expect(partnership.functionalArea.memberCount).toBe(lists[winner]!.length);
  });

  it('updateParticipation: one status wins, the others get CONFLICT', async () => {
    const p = await partnershipFixture(clients[0]!.api, tokens.admin, ['12'], ['1201022'], 'udzial');
    const { id, version } = await participationFixture(clients[0]!.api, tokens.admin, p.slug);
    const statuses = ['GRANTEE', 'PARTICIPANT', 'LAUREATE', 'APPLICANT'];
    const results = await race(`select id from participation where id = ? for update`, [id], (api, i) =>
      api.run(`mutation($id: Int!, $v: Int!, $s: ParticipationStatus!) { updateParticipation(id: $id, version: $v, input: { status: $s }) { version } }`, { id, v: version, s: statuses[i] }, tokens.regional),
    );
    const winner = expectOneWinner(results, version);
    const [row] = await query<{ status: string; version: number }>(db.em(), `select status, version from participation where id = ?`, [id]);
    expect(row).toEqual({ status: statuses[winner], version: version + 1 });
  });
});

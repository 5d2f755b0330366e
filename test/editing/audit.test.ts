import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Role } from '../../server/auth/role.js';
import { hashToken, TokenService } from '../../server/auth/token.service.js';
import { repoRoot } from '../../server/config.js';
import { openOrm, type Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';

const run = promisify(execFile);

interface AuditRow {
  actor: string;
  action: string;
  entity: string;
  entity_key: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const tokenEntries = (em: Em) => query<AuditRow>(em, `select actor, action, entity, entity_key, before, after from audit_entry where entity = 'token' order by id`);

/** No trace of a secret in the trail: neither the secret nor its stored hash. */
async function expectNoSecret(em: Em, secret: string): Promise<void> {
  const trail = JSON.stringify(await query(em, `select * from audit_entry`));
  expect(trail).not.toContain(secret);
  expect(trail).not.toContain(hashToken(secret));
}

describe.each(testBackends())('the audit trail on $name', ({ database }) => {
  let db: TestDatabase;
  let api: GraphqlClient;
  let admin: string;
  beforeAll(async () => {
    db = await openEmptyDatabase(database);
    api = await graphqlClient(db.orm);
    admin = (await new TokenService(db.em()).create('ministerstwo', Role.ADMIN, null)).secret;
  });
  afterAll(async () => {
    await api?.stop();
    await db?.dispose();
  });

  it('refuses TRUNCATE, DELETE and UPDATE, even in SQL', async () => {
    await expect(query(db.em(), `truncate audit_entry`)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(query(db.em(), `truncate audit_entry, api_token cascade`)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(query(db.em(), `delete from audit_entry`)).rejects.toThrow(/append-only: DELETE/);
    await expect(query(db.em(), `update audit_entry set actor = 'ktoś'`)).rejects.toThrow(/append-only: UPDATE/);
    expect((await tokenEntries(db.em())).length).toBeGreaterThan(0);
  });

  it('records who created and revoked a token through the API, never the secret', async () => {
    const { createToken } = await api.data(`mutation { createToken(name: "UM Pomorskie", role: EDITOR, voivodeships: ["22"]) { secret } }`, {}, admin);
    await api.data(`mutation { revokeToken(name: "UM Pomorskie") }`, {}, admin);
    const entries = (await tokenEntries(db.em())).filter((e) => e.entity_key === 'UM Pomorskie');
    expect(entries).toEqual([
      { actor: 'ministerstwo', action: 'CREATE_TOKEN', entity: 'token', entity_key: 'UM Pomorskie', before: null, after: { name: 'UM Pomorskie', role: 'EDITOR', voivodeships: ['22'] } },
      {
        actor: 'ministerstwo', action: 'REVOKE_TOKEN', entity: 'token', entity_key: 'UM Pomorskie',
        before: { name: 'UM Pomorskie', role: 'EDITOR', voivodeships: ['22'], revokedAt: null },
        after: { name: 'UM Pomorskie', role: 'EDITOR', voivodeships: ['22'], revokedAt: expect.any(String) },
      },
    ]);
    await expectNoSecret(db.em(), createToken.secret);
    const { changes } = await api.data(`{ changes(by: "ministerstwo") { edges { node { action entityKey } } } }`);
    expect(changes.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(expect.arrayContaining(['CREATE_TOKEN', 'REVOKE_TOKEN']));
  });
});

describe.each(testBackends())('npm run token on $name', ({ database }) => {
  let db: TestDatabase | undefined;
  let dataDir: string | undefined;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    // The CLI is the compiled one `npm run token` runs; the database is one of its own.
    await run('npm', ['run', 'build', '--silent'], { cwd: repoRoot });
    if (database.kind === 'postgresql') {
      db = await openEmptyDatabase(database);
      env = { ...process.env, DATABASE_URL: (db.database as { url: string }).url };
    } else {
      dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-token-cli-')), 'pglite');
      env = { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir };
    }
  });
  afterAll(async () => {
    await db?.dispose();
    if (dataDir) rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  const token = (...args: string[]) => run(process.execPath, [path.join(repoRoot, 'dist/server/auth/token-cli.js'), ...args], { cwd: repoRoot, env });
  /** Runs `check` on the CLI's database, opened after it exited (PGlite lets one process at a time open a data directory). */
  async function onCliDatabase(check: (em: Em) => Promise<void>): Promise<void> {
    const orm = db?.orm ?? (await openOrm({ kind: 'pglite', dataDir: dataDir! }));
    try {
      await check(orm.em.fork() as Em);
    } finally {
      if (!db) await orm.close();
    }
  }

  it('records the operator as cli:<user> for create and revoke, never the secret', async () => {
    const created = await token('create', '--role', 'editor', '--name', 'UM Małopolska', '--voivodeships', '12');
    const secret = /^(atlas_\S+)$/m.exec(created.stdout)![1]!;
    await token('revoke', '--name', 'UM Małopolska');
    const by = `cli:${userInfo().username}`;
    await onCliDatabase(async (em) => {
      expect((await tokenEntries(em)).map((r) => [r.actor, r.action, r.entity_key, r.after])).toEqual([
        [by, 'CREATE_TOKEN', 'UM Małopolska', { name: 'UM Małopolska', role: 'EDITOR', voivodeships: ['12'] }],
        [by, 'REVOKE_TOKEN', 'UM Małopolska', { name: 'UM Małopolska', role: 'EDITOR', voivodeships: ['12'], revokedAt: expect.any(String) }],
      ]);
      await expectNoSecret(em, secret);
    });
  });
});

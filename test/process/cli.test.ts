import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrations } from '../../server/db/migrations/index.js';
import { openOrm, type Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { databaseChecksum } from '../support/checksum.js';
import { GEODATA_DIR, writeTempGeoJson } from '../support/fixtures.js';
import { buildDist, runCli, seededDataDir, startServer, stopServer, tempDataDir, type CliResult, type ServerProcess } from './spawned.js';

const TOKEN = 'dist/server/auth/token-cli.js';
const DATA_IMPORT = 'dist/server/import/import-cli.js';
const GEODATA_IMPORT = 'dist/geodata/cli.js';
const MIGRATE = 'dist/server/db/migrate-cli.js';
const GEODATA = process.env.GEODATA_SOURCE ?? GEODATA_DIR;

/** Lines 2–3: a new partnership of two gminy of powiat bocheński (as in test/editing/import.test.ts). */
const GOOD_CSV = [
  'partnership,teryt,role,joined,source',
  'Związek Gmin Nadwiślańskich,1201022,leader,2024-03-01,https://example.org/uchwala-1',
  'Związek Gmin Nadwiślańskich,1201032,member,2024,https://example.org/uchwala-1',
].join('\n');
const BAD_CSV = ['partnership,teryt,role,source', 'Związek Gmin Nadwiślańskich,12010x2,leader,https://example.org/a'].join('\n');

/** A failure the CLIs report as one coded line on stderr. */
function expectCodedFailure(result: CliResult, exitCode: number, code: string) {
  expect(result.code).toBe(exitCode);
  const lines = result.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(new RegExp(`^error \\[${code}\\] \\S`));
}

/** Opens the data directory in this process (the CLI has exited) and fingerprints it. */
async function fingerprint(dataDir: string): Promise<Record<string, string | number>> {
  const orm = await openOrm({ kind: 'pglite', dataDir });
  try {
    const em = orm.em.fork() as Em;
    const [tokens] = await query<{ n: number }>(em, 'select count(*)::int as n from api_token');
    return { ...(await databaseChecksum(em)), tokens: tokens!.n };
  } finally {
    await orm.close();
  }
}

describe('the CLIs as processes (npm run token | data:import | geodata:import, built)', () => {
  beforeAll(() => buildDist());

  it('token: create, list, revoke; bad arguments are refused before the database is opened', async () => {
    const dataDir = tempDataDir();
    for (const args of [['frobnicate'], [], ['create', '--name', 'x'], ['revoke'], ['list', '--bogus'], ['list', 'extra']]) {
      expectCodedFailure(await runCli(TOKEN, args, dataDir), 2, 'BAD_ARGUMENTS');
    }
    expect(existsSync(dataDir)).toBe(false);

    const created = await runCli(TOKEN, ['create', '--role', 'editor', '--name', 'UM Małopolska', '--voivodeships', '12'], dataDir);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('created editor token "UM Małopolska" for województwa 12');
    expect(created.stdout.trim().split('\n').at(-1)).toMatch(/^atlas_[\w-]{43}$/);

    // Refused by the service's rules: coded, exit 1, and the token table as it was.
    expectCodedFailure(await runCli(TOKEN, ['create', '--role', 'boss', '--name', 'y'], dataDir), 1, 'BAD_USER_INPUT');
    expectCodedFailure(await runCli(TOKEN, ['create', '--role', 'editor', '--name', 'UM Małopolska'], dataDir), 1, 'BAD_USER_INPUT');
    expectCodedFailure(await runCli(TOKEN, ['revoke', '--name', 'nobody'], dataDir), 1, 'BAD_USER_INPUT');

    expect((await runCli(TOKEN, ['revoke', '--name', 'UM Małopolska'], dataDir)).code).toBe(0);
    const list = await runCli(TOKEN, ['list'], dataDir);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^UM Małopolska\tEDITOR\t12\trevoked \d{4}-/)]);
  });

  it('geodata:import: imports a file; a missing source is refused before opening, a bad file writes nothing', async () => {
    const dataDir = tempDataDir();
    expectCodedFailure(await runCli(GEODATA_IMPORT, ['/nonexistent/poland.json'], dataDir), 2, 'BAD_ARGUMENTS');
    expect(existsSync(dataDir)).toBe(false);

    const ok = await runCli(GEODATA_IMPORT, [path.join(GEODATA, 'poland.voivodeships.json')], dataDir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('geodata: 16 inserted');
    const before = await fingerprint(dataDir);
    expect(before.jst).toMatch(/^16:/);

    const bad = await runCli(GEODATA_IMPORT, [writeTempGeoJson('broken.json', '{"type":"FeatureCollection","features":[')], dataDir);
    expectCodedFailure(bad, 1, 'BAD_USER_INPUT');
    expect(await fingerprint(dataDir)).toEqual(before);
  });

  it('data:import: dry run, then written; bad rows and bad arguments write nothing', async () => {
    const dataDir = await seededDataDir();
    const dir = path.dirname(dataDir);
    writeFileSync(path.join(dir, 'good.csv'), GOOD_CSV);
    writeFileSync(path.join(dir, 'bad.csv'), BAD_CSV);
    const before = await fingerprint(dataDir);

    expectCodedFailure(await runCli(DATA_IMPORT, [], dataDir), 2, 'BAD_ARGUMENTS');
    expectCodedFailure(await runCli(DATA_IMPORT, [path.join(dir, 'missing.csv')], dataDir), 2, 'BAD_ARGUMENTS');
    const bad = await runCli(DATA_IMPORT, [path.join(dir, 'bad.csv')], dataDir);
    expectCodedFailure(bad, 1, 'BAD_USER_INPUT');
    expect(bad.stderr).toContain('line 2, teryt:');
    const dry = await runCli(DATA_IMPORT, [path.join(dir, 'good.csv'), '--dry-run'], dataDir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/2 rows \(\S+\): 3 created, 0 changed, 0 removed — dry run, nothing written/);
    expect(await fingerprint(dataDir)).toEqual(before);

    const real = await runCli(DATA_IMPORT, [path.join(dir, 'good.csv')], dataDir);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/2 rows \(\S+\): 3 created, 0 changed, 0 removed — written/);
    expect((await fingerprint(dataDir)).partnership).toMatch(/^71:/);
  });

  it('db:migrate: bad arguments refused before opening; applies every migration once; a server told not to migrate refuses a stale schema', async () => {
    const dataDir = tempDataDir();
    for (const args of [['extra'], ['--bogus']]) expectCodedFailure(await runCli(MIGRATE, args, dataDir), 2, 'BAD_ARGUMENTS');
    expect(existsSync(dataDir)).toBe(false);

    const refused = await startServer(dataDir, { MIGRATE_ON_START: 'false' });
    expect(await refused.exited).toEqual({ code: 1, signal: null });
    const all = migrations.length;
    expect(refused.output()).toMatch(new RegExp(`^error \\[MIGRATIONS_PENDING\\] the database lacks ${all} migration\\(s\\) \\(Migration20261127000000_initial, .*run npm run db:migrate first$`, 'm'));

    const first = await runCli(MIGRATE, [], dataDir);
    expect(first).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(new RegExp(`^migrations: applied Migration20261127000000_initial, .* \\(${all} in all\\)\n$`)) });
    expect(await runCli(MIGRATE, [], dataDir)).toEqual({ code: 0, stderr: '', stdout: `migrations: up to date (${all} applied before)\n` });
  });

  describe('beside a running server', () => {
    let server: ServerProcess | undefined;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await seededDataDir();
      server = await startServer(dataDir);
    });
    afterAll(async () => {
      if (server) await stopServer(server);
    });

    it('each CLI that writes is refused, naming the server and what to run instead', async () => {
      const csv = path.join(path.dirname(dataDir), 'good.csv');
      writeFileSync(csv, GOOD_CSV);
      const pid = server!.child.pid!;
      const refusals = {
        token: await runCli(TOKEN, ['revoke', '--name', 'x'], dataDir),
        data: await runCli(DATA_IMPORT, [csv], dataDir),
        geodata: await runCli(GEODATA_IMPORT, [path.join(GEODATA, 'poland.voivodeships.json')], dataDir),
        migrate: await runCli(MIGRATE, [], dataDir),
      };
      for (const result of Object.values(refusals)) {
        expectCodedFailure(result, 1, 'DATA_DIR_LOCKED');
        expect(result.stderr).toContain(`in use by the server (npm start) (pid ${pid}`);
      }
      expect(refusals.token.stderr).toContain('revokeToken(name: \\"x\\")');
      expect(refusals.data.stderr).toContain(`curl --data-binary @"${csv}" -H 'Content-Type: text/csv' -H 'Authorization: Bearer <token>' '`);
      expect(refusals.data.stderr).toContain(`/import/partnerships?dryRun=false'`);
      expect(refusals.geodata.stderr).toContain('Stop the server first');
      expect(refusals.migrate.stderr).toContain('has already migrated this database at its start');
      expect((await fetch(`${server!.url}/health`)).status).toBe(200);
      expect((await stopServer(server!)).code).toBe(0);
      server = undefined;
    });
  });
});

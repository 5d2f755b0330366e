import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { DataDirLockedError, lockDataDir, lockFileOf } from '../../server/db/data-dir-lock.js';
import { openOrm } from '../../server/db/orm.js';
import { buildDist, graphql, runCli, seededDataDir, startServer, stopServer, tempDataDir, type ServerProcess } from './spawned.js';

const TOKEN_CLI = 'dist/server/auth/token-cli.js';
const hint = { command: 'jest', hint: 'try later' };

describe('the data directory lock (in this process)', () => {
  it('refuses a second holder, names the first, and is free again once released', () => {
    const dir = tempDataDir();
    const lock = lockDataDir(dir, hint);
    expect(() => lockDataDir(dir, { command: 'second', hint: 'do X instead' })).toThrow(DataDirLockedError);
    try {
      lockDataDir(dir, { command: 'second', hint: 'do X instead' });
    } catch (error) {
      expect((error as DataDirLockedError).code).toBe('DATA_DIR_LOCKED');
      expect((error as Error).message).toContain(`jest (pid ${process.pid}`);
      expect((error as Error).message).toContain('do X instead');
    }
    lock.release();
    expect(existsSync(lockFileOf(dir))).toBe(false);
    lockDataDir(dir, hint).release();
  });

  it('takes over a lock whose process no longer runs, with a log line', () => {
    const dir = tempDataDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: Number(dead), host: hostname(), command: 'gone', since: '2020-01-01T00:00:00Z' }));
    const lines: string[] = [];
    const lock = lockDataDir(dir, { ...hint, log: (line) => lines.push(line) });
    expect(lines.join('\n')).toMatch(new RegExp(`taking over .* from gone \\(pid ${dead}`));
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock held on another machine (it cannot be checked from here)', () => {
    const dir = tempDataDir();
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: 1, host: 'elsewhere', command: 'server', since: '2020-01-01T00:00:00Z' }));
    expect(() => lockDataDir(dir, hint)).toThrow(/in use by server \(pid 1 on elsewhere/);
  });

  it('keeps a second open of the same folder in one process out (PGlite would corrupt it too)', async () => {
    const dir = tempDataDir();
    const orm = await openOrm({ kind: 'pglite', dataDir: dir });
    await expect(openOrm({ kind: 'pglite', dataDir: dir })).rejects.toThrow(DataDirLockedError);
    expect(await orm.em.getConnection().execute('select 1 as one')).toEqual([{ one: 1 }]);
    await orm.close();
    expect(existsSync(lockFileOf(dir))).toBe(false);
  });
});

describe('one owner across processes: the server and the CLIs (spawned)', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let admin: string;
  beforeAll(async () => {
    buildDist();
    dataDir = await seededDataDir();
    const created = await runCli(TOKEN_CLI, ['create', '--role', 'admin', '--name', 'owner-test'], dataDir);
    expect(created.code).toBe(0);
    admin = created.stdout.trim().split('\n').at(-1)!;
  });
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
  });

  it('refuses a CLI and a second server beside a running server, coded and naming the holder; the server and its data are unharmed', async () => {
    server = await startServer(dataDir);
    expect(server.url).not.toBe('');
    const pid = server.child.pid!;

    const list = await runCli(TOKEN_CLI, ['list'], dataDir);
    expect(list.code).toBe(1);
    expect(list.stderr.trim().split('\n')).toHaveLength(1);
    expect(list.stderr).toMatch(new RegExp(`^error \\[DATA_DIR_LOCKED\\] .*in use by the server \\(npm start\\) \\(pid ${pid} on .*, since \\d{4}-`));
    expect(list.stderr).toContain('{ tokens { name role voivodeships revokedAt } }');

    const create = await runCli(TOKEN_CLI, ['create', '--role', 'editor', '--name', 'beside'], dataDir);
    expect(create.code).toBe(1);
    expect(create.stderr).toContain('createToken(name: \\"beside\\", role: EDITOR)');

    const second = await startServer(dataDir);
    expect(second.url).toBe('');
    expect((await second.exited).code).toBe(1);
    expect(second.output()).toContain(`error [DATA_DIR_LOCKED]`);
    expect(second.output()).toContain(`pid ${pid}`);

    // The sequence: edits after the refused CLI, then a restart, and everything is there.
    for (let i = 1; i <= 5; i++) {
      const { body } = await graphql(server.url, `mutation($n: String!) { createToken(name: $n, role: EDITOR) { name } }`, { n: `edit-${i}` }, admin);
      expect(body.errors).toBeUndefined();
    }
    expect((await stopServer(server)).code).toBe(0);
    expect(existsSync(lockFileOf(dataDir))).toBe(false);

    const after = await runCli(TOKEN_CLI, ['list'], dataDir);
    expect(after.code).toBe(0);
    for (let i = 1; i <= 5; i++) expect(after.stdout).toContain(`edit-${i}\tEDITOR`);
    expect(after.stdout).not.toContain('beside');
    server = undefined;
  });
});

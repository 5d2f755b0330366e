import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildDist, graphql, runCli, seededDataDir, startServer, stopServer, tempDataDir, type ServerProcess } from './spawned.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The counts /health reports, which a complete first start ends with. */
async function counts(server: ServerProcess) {
  const body = (await (await fetch(`${server.url}/health`)).json()) as { database: { jsts: number; partnerships: number } };
  return { jsts: body.database.jsts, partnerships: body.database.partnerships };
}

/** kill -9 (no handler runs, nothing is flushed or closed) must leave an embedded database that opens, with every acknowledged write. */
describe('kill -9 of the real server process, then a restart', () => {
  beforeAll(() => buildDist());

  it('during edits: the restart takes over the stale lock and finds every edit that was answered', async () => {
    const dataDir = await seededDataDir();
    const admin = (await runCli('dist/server/auth/token-cli.js', ['create', '--role', 'admin', '--name', 'kill-test'], dataDir)).stdout.trim().split('\n').at(-1)!;
    const server = await startServer(dataDir);
    const acknowledged: string[] = [];
    let editing = true;
    const edits = (async () => {
      for (let i = 0; editing && i < 500; i++) {
        const name = `edit-${i}`;
        try {
          const { body } = await graphql(server.url, `mutation($n: String!) { createToken(name: $n, role: EDITOR) { name } }`, { n: name }, admin);
          if (body.data?.createToken?.name === name) acknowledged.push(name);
        } catch {
          return; // the connection died with the process
        }
      }
    })();
    while (acknowledged.length < 5) await sleep(5);
    server.child.kill('SIGKILL');
    editing = false;
    await edits;
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const again = await startServer(dataDir);
    try {
      expect(again.url).not.toBe('');
      expect(again.output()).toMatch(/database lock: taking over .* from the server \(npm start\) \(pid \d+/);
      const { body } = await graphql(again.url, '{ tokens { name } }', {}, admin);
      const names = body.data!.tokens.map((t: { name: string }) => t.name);
      for (const name of acknowledged) expect(names).toContain(name);
      expect(await counts(again)).toEqual({ jsts: 2873, partnerships: 70 });
    } finally {
      expect((await stopServer(again)).code).toBe(0);
    }
  });

  it.each([
    ['the boundary import', /first start: importing boundaries/, 2_000],
    // The seed loads in about half a second: killed as soon as it begins.
    ['the seed load', /first start: loading the seed/, 0],
  ])('during the first start (%s): the next start completes it', async (_what, moment, after) => {
    const dataDir = tempDataDir();
    const first = await startServer(dataDir, {}, moment);
    await sleep(after);
    expect(first.output()).not.toMatch(/ready in/);
    first.child.kill('SIGKILL');
    await first.exited;

    const again = await startServer(dataDir);
    try {
      expect(again.url).not.toBe('');
      expect(await counts(again)).toEqual({ jsts: 2873, partnerships: 70 });
    } finally {
      expect((await stopServer(again)).code).toBe(0);
    }
  });
});

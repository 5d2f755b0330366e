import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:http';
import { buildDist, seededDataDir, startServer, stopServer, type ServerProcess } from './spawned.js';

/** A read heavy enough (about 2 MB, most of a second on the embedded database) to be in flight when SIGTERM comes. */
const HEAVY = '{ jstFeatures(level: MUNICIPALITY) }';

/**
 * Posts HEAVY on a connection of its own (agent: false), as separate clients do: fetch would queue
 * all on one keep-alive connection, and a request sent on an idle connection while the server
 * closes it is not in flight (HTTP/1.1 leaves retrying it to the client).
 */
function heavyRead(url: string): Promise<{ status?: number; features?: number; errors?: unknown[] }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const body = JSON.parse(text) as { data?: { jstFeatures: { features: unknown[] } }; errors?: unknown[] };
        resolve({ status: res.statusCode, features: body.data?.jstFeatures.features.length, errors: body.errors });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify({ query: HEAVY }));
  });
}

describe('SIGTERM on the real server process (node dist/server/main.js)', () => {
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    buildDist();
    server = await startServer(await seededDataDir());
    expect(server.url).not.toBe('');
  });
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL');
  });

  it('finishes every request in flight with a complete 200, refuses new connections, closes the database and exits 0', async () => {
    const running = server!;
    // Liveness never asks the database; readiness does (both answered before SIGTERM).
    expect(await (await fetch(`${running.url}/health/live`)).json()).toMatchObject({ status: 'ok' });
    expect(await (await fetch(`${running.url}/health/ready`)).json()).toMatchObject({ status: 'ok', database: { backend: 'pglite', reachable: true } });
    // Four: heavy reads pass one at a time (the heavy gate waits at most 10 s), and SIGTERM gives them 10 s too.
    const reads = Array.from({ length: 4 }, () => heavyRead(running.url));
    // Once the first answer is out, the server has read the other three (it reads between queries).
    await Promise.race(reads);
    running.child.kill('SIGTERM');
    await new Promise<void>((resolve) => {
      const check = () => (running.output().includes('SIGTERM: no new connections') ? resolve() : setTimeout(check, 10));
      check();
    });
    await expect(fetch(`${running.url}/health/live`)).rejects.toThrow();

    const answers = await Promise.all(reads);
    for (const answer of answers) expect(answer).toEqual({ status: 200, features: 2477, errors: undefined });
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.output()).toContain('stopped: requests finished, database closed');
    server = undefined;
  });
});

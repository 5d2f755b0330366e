import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import { openSeededDatabase, testConfig, type TestDatabase } from '../support/database.js';
import { restartCluster } from './postgis-cluster.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.log('[atlas] db-restart: SKIPPED, it needs the PostGIS server: set TEST_DATABASE_URL (eval "$(test/support/start-postgis.sh)")');
const describeOnServer = url ? describe : describe.skip;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  sentAt: number;
  doneAt: number;
  ok: boolean;
  /** HTTP status and the first error's code, or 'network' when no answer came. */
  answer: string;
}

/** The app keeps running through a restart of PostgreSQL: only requests during the outage fail, and it recovers by itself. */
describeOnServer('database restart during traffic (PostGIS server)', () => {
  let db: TestDatabase;
  let app: RunningApp;
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  beforeAll(async () => {
    db = await openSeededDatabase({ kind: 'postgresql', url: url! });
    app = await startApp(testConfig(db.database), { orm: db.orm, log: () => {} });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
    quiet.mockRestore();
  });

  async function answer(): Promise<{ ok: boolean; answer: string }> {
    try {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ jst(teryt: "1465011") { name } partnerships(first: 5) { totalCount } }' }),
      });
      const body = (await response.json()) as any;
      const ok = response.status === 200 && !body.errors && body.data.jst.name === 'Warszawa';
      return { ok, answer: `${response.status} ${body.errors?.[0]?.extensions?.code ?? ''} ${response.headers.get('retry-after') ?? ''}`.trim() };
    } catch {
      return { ok: false, answer: 'network' };
    }
  }
  const read = async () => (await answer()).ok;

  const healthStatus = async () => (await fetch(`${app.url}/health`)).status;

  it('fails only requests during the outage, goes 503 → 200 at /health, and answers again without a restart of the app', async () => {
    expect(await read()).toBe(true);
    expect(await healthStatus()).toBe(200);

    const outcomes: Outcome[] = [];
    const health: number[] = [];
    let traffic = true;
    // Four readers and a health poller, each bounded: they stop when the test says so or after 60 s.
    const stopAt = performance.now() + 60_000;
    const reader = async () => {
      while (traffic && performance.now() < stopAt) {
        const sentAt = performance.now();
        outcomes.push({ sentAt, ...(await answer()), doneAt: performance.now() });
        await sleep(10);
      }
    };
    const poller = async () => {
      while (traffic && performance.now() < stopAt) {
        health.push(await healthStatus());
        await sleep(10);
      }
    };
    const loops = [reader(), reader(), reader(), reader(), poller()];

    await sleep(300);
    const restartBegan = performance.now();
    await restartCluster();
    const restartedAt = performance.now();
    // Recovery: the pool replaces its dead connections on its own; give it a few seconds.
    let recoveredAt: number | undefined;
    while (performance.now() - restartedAt < 15_000) {
      if (await read()) {
        recoveredAt = performance.now();
        break;
      }
      await sleep(100);
    }
    await sleep(1_000);
    traffic = false;
    await Promise.all(loops);

    expect(recoveredAt).toBeDefined();
    const before = outcomes.filter((o) => o.doneAt < restartBegan);
    const failed = outcomes.filter((o) => !o.ok);
    console.log(
      `db-restart: restart took ${Math.round(restartedAt - restartBegan)} ms, recovered ${Math.round(recoveredAt! - restartedAt)} ms after; ` +
        `${outcomes.length} reads, ${failed.length} failed (sent ${failed.length ? Math.round(failed[0]!.sentAt - restartBegan) : '-'}…${failed.length ? Math.round(failed.at(-1)!.sentAt - restartBegan) : '-'} ms after the restart began); health ${[...new Set(health)].join(',')}`,
    );
    const after = outcomes.filter((o) => o.sentAt > recoveredAt! + 100);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((o) => o.ok)).toBe(true);
    expect(after.length).toBeGreaterThan(10);
    expect(after.every((o) => o.ok)).toBe(true);
    // The outage is told as such: 503 + Retry-After with SERVICE_UNAVAILABLE, never 200 with INTERNAL_SERVER_ERROR.
    expect(failed.length).toBeGreaterThan(0);
    for (const o of failed) expect(o.answer).toBe('503 SERVICE_UNAVAILABLE 5');
    // /health saw the outage and the return
    expect(health).toContain(503);
    expect(health.lastIndexOf(200)).toBeGreaterThan(health.indexOf(503));
    expect(await healthStatus()).toBe(200);
  });
});

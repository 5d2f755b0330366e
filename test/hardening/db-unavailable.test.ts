import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import { openOrm, type Em, type Orm } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { openSeededDatabase, testConfig, type TestDatabase } from '../support/database.js';
import { freezeCluster } from './postgis-cluster.js';

const url = process.env.TEST_DATABASE_URL;
if (!url) console.log('[atlas] db-unavailable: SKIPPED, it needs the PostGIS server: set TEST_DATABASE_URL (eval "$(test/support/start-postgis.sh)")');
const describeOnServer = url ? describe : describe.skip;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Short timeouts, so the test sees them act (production defaults: 15 s and 5 s). */
const STATEMENT_TIMEOUT_MS = 1_500;
const ACQUIRE_TIMEOUT_MS = 1_000;
/** The client-side bound for a server that does not answer at all (see openOrm). */
const FROZEN_BOUND_MS = STATEMENT_TIMEOUT_MS + 2_000;

const READ = '{ jst(teryt: "1465011") { name } }';

/** An outage or a timed-out database answers 503 + Retry-After with a coded body, within the timeouts, and the app recovers. */
describeOnServer('database unavailable or too slow (PostGIS server)', () => {
  let db: TestDatabase;
  let orm: Orm;
  let app: RunningApp;
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  let thaw: (() => void) | undefined;
  beforeAll(async () => {
    db = await openSeededDatabase({ kind: 'postgresql', url: url! });
    if (db.database.kind !== 'postgresql') throw new Error('expected the server backend');
    orm = await openOrm({ ...db.database, statementTimeoutMs: STATEMENT_TIMEOUT_MS, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
    app = await startApp(testConfig(db.database), { orm, log: () => {} });
  });
  afterAll(async () => {
    thaw?.();
    await app?.close();
    await orm?.close();
    await db?.dispose();
    quiet.mockRestore();
  });

  async function read() {
    const started = performance.now();
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: READ }) });
    const body = (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body, ms: performance.now() - started };
  }

  async function get(path: string) {
    const started = performance.now();
    const response = await fetch(`${app.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started, body: (await response.json()) as any };
  }

  const expectUnavailable = (answer: Awaited<ReturnType<typeof read>>) => {
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('5');
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0]!.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(answer.body.errors![0]!.message).not.toMatch(/127\.0\.0\.1|select|timeout exceeded/i);
  };

  it('a statement that runs past statement_timeout (here: waiting on a lock) is cancelled by the server: 503 + Retry-After', async () => {
    expect((await read()).status).toBe(200);
    const locker = await openOrm({ kind: 'postgresql', url: (db.database as { url: string }).url });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holding = locker.em.fork().transactional(async (tx) => {
      await query(tx as Em, 'lock table jst in access exclusive mode');
      locked();
      await held;
    });
    try {
      await isLocked;
      const answer = await read();
      expectUnavailable(answer);
      // The server's cancel (57014 at 1.5 s), well before the client-side bound for a frozen server.
      expect(answer.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
      expect(answer.ms).toBeLessThan(FROZEN_BOUND_MS - 500);
    } finally {
      release();
      await holding;
      await locker.close();
    }
    expect((await read()).status).toBe(200);
  });

  it('a frozen database: reads and readiness answer 503 + Retry-After within the timeouts, liveness stays 200; then it recovers', async () => {
    expect((await get('/health/ready')).status).toBe(200);
    thaw = freezeCluster();
    const [first, second, ready, live] = await Promise.all([read(), read(), get('/health/ready'), get('/health/live')]);
    for (const answer of [first, second]) {
      expectUnavailable(answer);
      expect(answer.ms).toBeLessThan(FROZEN_BOUND_MS + 1_500);
    }
    expect(ready).toMatchObject({ status: 503, retryAfter: '5', body: { status: 'error', database: { reachable: false } } });
    expect(ready.ms).toBeLessThan(FROZEN_BOUND_MS + 1_500);
    expect(live.status).toBe(200);
    expect(live.ms).toBeLessThan(1_000);
    // /health, kept as before the split: readiness with counts.
    expect((await get('/health')).status).toBe(503);

    thaw();
    thaw = undefined;
    let recovered = false;
    for (const until = performance.now() + 15_000; !recovered && performance.now() < until; await sleep(200)) {
      const answer = await read();
      recovered = answer.status === 200 && answer.body.data?.jst?.name === 'Warszawa';
    }
    expect(recovered).toBe(true);
    expect(await get('/health/ready')).toMatchObject({ status: 200, body: { status: 'ok', database: { reachable: true } } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Em } from '../../server/db/orm.js';
import { createContext } from '../../server/graphql/context.js';
import { HeavyGate } from '../../server/graphql/limits/index.js';
import { openSeededDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { postGraphql, startHttp, type TestHttp } from './http-harness.js';

/**
 * The gate of heavy operations, held by the test itself so the order of events is certain, on the
 * real server over a seeded database. Heavy here: the 16 województwa as boundaries (geometry of
 * about 220 points, over a threshold of 100); light: one gmina's name.
 */
describe.each(testBackends())('heavy operations pass a gate, light ones do not wait for it, on $name', (backend) => {
  const gate = new HeavyGate({ concurrency: 1, maxWaitMs: 400, maxQueue: 1 });
  const heavy = '{ jstFeatures(level: VOIVODESHIP, simplify: 0.05, precision: 2) }';
  let db: TestDatabase;
  let http: TestHttp;
  beforeAll(async () => {
    db = await openSeededDatabase(backend.database);
    const em = db.orm.em as Em;
    http = await startHttp({ rateLimit: false, em, context: async (req) => createContext(em, req.headers.authorization) }, { heavyGate: gate, limits: { heavy: { threshold: 100 } } });
  });
  afterAll(async () => {
    await http?.close();
    await db?.dispose();
  });

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(condition()).toBe(true);
  };

  it('answers a light read at once while the gate is held and a heavy one waits, then lets the heavy one in', async () => {
    const release = await gate.enter();
    try {
      const waiting = postGraphql(http.url, { query: heavy });
      await until(() => gate.load.waiting === 1);
      const light = await postGraphql(http.url, { query: '{ jst(teryt: "1261011") { name } }' });
      expect(light.status).toBe(200);
      expect(await light.json()).toEqual({ data: { jst: { name: 'Kraków' } } });
      expect(gate.load).toEqual({ running: 1, waiting: 1 }); // the heavy one still waits
      release();
      const answered = await waiting;
      expect(answered.status).toBe(200);
      expect(((await answered.json()) as any).data.jstFeatures.features).toHaveLength(16);
    } finally {
      release();
    }
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a heavy operation at once with SERVER_BUSY (503, Retry-After) when the queue is full', async () => {
    const release = await gate.enter();
    try {
      const first = postGraphql(http.url, { query: heavy });
      await until(() => gate.load.waiting === 1);
      const second = await postGraphql(http.url, { query: heavy });
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe('1');
      const error = ((await second.json()) as any).errors[0];
      expect(error.extensions).toMatchObject({ code: 'SERVER_BUSY', reason: 'QUEUE_FULL', retryAfterSeconds: 1 });
      expect(error.extensions.weight).toBeGreaterThan(100);
      expect(error.message).toMatch(/retry after 1 s/);
      release();
      expect((await first).status).toBe(200);
    } finally {
      release();
    }
  });

  it('refuses a heavy operation that waited maxWaitMs with SERVER_BUSY, reason WAIT_TIMED_OUT', async () => {
    const release = await gate.enter();
    try {
      const started = performance.now();
      const response = await postGraphql(http.url, { query: heavy });
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'SERVER_BUSY', reason: 'WAIT_TIMED_OUT' });
      expect(gate.load).toEqual({ running: 1, waiting: 0 });
    } finally {
      release();
    }
  });

  it('gives the turn back after each heavy answer', async () => {
    for (let i = 0; i < 3; i++) expect((await postGraphql(http.url, { query: heavy })).status).toBe(200);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });
});

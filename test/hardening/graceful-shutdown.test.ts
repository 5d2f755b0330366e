import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { startApp, type RunningApp } from '../../server/app.js';
import { closeGracefully } from '../../server/http/shutdown.js';
import type { FastifyPluginAsync } from 'fastify';
import { openSeededDatabase, testConfig, type TestDatabase } from '../support/database.js';
import { startHttp } from '../http/http-harness.js';


/** A route that answers after `ms`, and tells when it has started. */
function slowRoute(ms: number) {
  let started!: () => void;
  const begun = new Promise<void>((r) => (started = r));
  const route: FastifyPluginAsync = async (app) => {
    app.get('/slow', async (_request, reply) => {
      started();
      // Waits `ms`, or less if the connection is cut (no timer left behind).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        reply.raw.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (reply.raw.destroyed) return reply;
      return reply.type('text/plain').send('done');
    });
  };
  return { route, begun };
}

describe('graceful shutdown of the HTTP server', () => {
  it('lets an in-flight request finish with 200 and refuses new connections meanwhile', async () => {
    const slow = slowRoute(500);
    const http = await startHttp({ routes: [slow.route], rateLimit: false });
    const inFlight = fetch(`${http.url}/slow`);
    await slow.begun;
    const closing = closeGracefully(http.app, { timeoutMs: 5_000 });
    await expect(fetch(`${http.url}/health`)).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('done');
    expect(await closing).toEqual({ forced: false });
  });

  it('cuts a request still running after the timeout, and reports it', async () => {
    const slow = slowRoute(60_000);
    const http = await startHttp({ routes: [slow.route], rateLimit: false });
    const inFlight = fetch(`${http.url}/slow`).then(
      (r) => r.status,
      () => 'cut',
    );
    await slow.begun;
    const started = performance.now();
    expect(await closeGracefully(http.app, { timeoutMs: 200 })).toEqual({ forced: true });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBe('cut');
  });

  it('lets a connection whose request is not read yet send it, and answers it with Connection: close', async () => {
    const http = await startHttp({ rateLimit: false });
    const accepted = new Promise((resolve) => http.server.once('connection', resolve));
    const socket = connect(Number(new URL(http.url).port), '127.0.0.1');
    await accepted;
    // The server has the connection but no request on it yet, as when its event loop was busy.
    const closing = closeGracefully(http.app, { timeoutMs: 5_000 });
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    socket.write('GET /health/live HTTP/1.1\r\nHost: atlas\r\n\r\n');
    await ended;
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/\r\nConnection: close\r\n/i);
    expect(text).toContain('"status":"ok"');
    expect(await closing).toEqual({ forced: false });
  });

  it('closes idle keep-alive connections at once instead of waiting for their timeout', async () => {
    const http = await startHttp({ rateLimit: false });
    await (await fetch(`${http.url}/health`)).text(); // leaves a keep-alive connection open
    const started = performance.now();
    await closeGracefully(http.app, { timeoutMs: 5_000 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('graceful shutdown of the app (RunningApp.close) on the embedded database', () => {
  let db: TestDatabase;
  let app: RunningApp | undefined;
  /** Set by a test: called with the next SQL statement the app runs. */
  let onNextQuery: (() => void) | undefined;
  beforeAll(async () => {
    db = await openSeededDatabase({ kind: 'pglite', dataDir: 'memory://' }, { onQuery: () => onNextQuery?.() });
    app = await startApp(testConfig(db.database), { orm: db.orm, log: () => {} });
  });
  afterAll(async () => {
    await app?.close().catch(() => {});
    await db?.dispose();
  });

  it('finishes a heavy query that is running when close() is called, with 200 and the whole answer', async () => {
    const running = app!;
    const heavy = `{ jstFeatures(level: MUNICIPALITY) precise: jstFeatures(level: MUNICIPALITY, precision: 7) }`;
    let answeredAt = 0;
    const queryRunning = new Promise<void>((r) => (onNextQuery = r));
    const inFlight = fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: heavy }) }).then(async (r) => {
      const body = (await r.json()) as any;
      answeredAt = performance.now();
      return { status: r.status, body };
    });
    await queryRunning;
    onNextQuery = undefined;
    const closeCalledAt = performance.now();
    const closed = running.close();
    app = undefined;
    const { status, body } = await inFlight;
    await closed;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.jstFeatures.features).toHaveLength(2477);
    expect(body.data.precise.features).toHaveLength(2477);
    expect(answeredAt).toBeGreaterThan(closeCalledAt);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RequestLogEntry } from '../../server/http/request-log.js';
import { postGraphql, startHttp, type TestHttp } from '../http/http-harness.js';

describe('request log', () => {
  let http: TestHttp;
  const lines: string[] = [];
  beforeAll(async () => {
    http = await startHttp({ log: (line) => lines.push(line), rateLimit: { perMinute: 60, burst: 5, exemptLoopback: false } });
  });
  afterAll(async () => {
    await http?.close();
  });

  /** The line of the last request, once the server has written it (it logs when the response closes). */
  async function lastEntry(): Promise<RequestLogEntry> {
    for (let i = 0; i < 50 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const line = lines.at(-1)!;
    lines.length = 0;
    return JSON.parse(line) as RequestLogEntry;
  }

  it('writes one JSON line per request with time, method, path, operation, status, duration and client ip', async () => {
    lines.length = 0;
    await postGraphql(http.url, { query: 'query MapSearch { __typename }' });
    const entry = await lastEntry();
    expect(entry).toEqual({ time: expect.any(String), method: 'POST', path: '/graphql', operation: 'MapSearch', status: 200, durationMs: expect.any(Number), ip: '127.0.0.1' });
    expect(Date.parse(entry.time)).not.toBeNaN();
  });

  it('logs the path without its query string', async () => {
    await fetch(`${http.url}/graphql?query=${encodeURIComponent('query Secretive { __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await lastEntry()).toMatchObject({ method: 'GET', path: '/graphql', operation: 'Secretive', status: 200 });
  });

  it('names the error code and the reason of a refused operation', async () => {
    await postGraphql(http.url, { query: `query Greedy { ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    expect(await lastEntry()).toMatchObject({ status: 400, error: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES' });
  });

  it('names the error code of an answer from the HTTP layer', async () => {
    await fetch(`${http.url}/nope`);
    expect(await lastEntry()).toMatchObject({ path: '/nope', status: 404, error: 'HTTP_404' });
    for (let i = 0; i < 10; i++) await fetch(`${http.url}/nope`);
    expect(await lastEntry()).toMatchObject({ status: 429, error: 'RATE_LIMITED' });
  });

  it('logs a request whose path does not decode, with its code and reason', async () => {
    await fetch(`${http.url}/%E0%A4%A`, { headers: { authorization: 'Bearer atlas_test' } });
    expect(await lastEntry()).toMatchObject({ path: '/%E0%A4%A', status: 400, error: 'BAD_REQUEST', reason: 'MALFORMED_PATH' });
  });

  it('stays quiet under jest when no log is given', async () => {
    const writes: unknown[] = [];
    const original = process.stdout.write.bind(process.stdout);
    const quiet = await startHttp({ log: undefined, rateLimit: false });
    process.stdout.write = ((chunk: unknown) => (writes.push(chunk), true)) as typeof process.stdout.write;
    try {
      await postGraphql(quiet.url, { query: '{ __typename }' });
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.stdout.write = original;
      await quiet.close();
    }
    expect(writes).toEqual([]);
  });
});

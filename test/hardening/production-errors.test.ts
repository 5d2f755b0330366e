import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { query } from '../../server/db/sql.js';
import { createContext } from '../../server/graphql/context.js';
import type { Em } from '../../server/db/orm.js';
import { openEmptyDatabase, type TestDatabase } from '../support/database.js';
import { postGraphql, startHttp, stubEm, type TestHttp } from '../http/http-harness.js';

/** In production an internal failure is "Internal server error": no SQL, no stack, no table names (they go to the server log). */
describe('errors in production', () => {
  let db: TestDatabase;
  let http: TestHttp;
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  beforeAll(async () => {
    db = await openEmptyDatabase({ kind: 'pglite', dataDir: 'memory://' });
    // A database failure every statement on programmes will hit: the table is gone.
    await query(db.em(), 'alter table programme rename to programme_gone');
    const em = db.orm.em as Em;
    http = await startHttp({ em, context: async (req) => createContext(em, req.headers.authorization), rateLimit: false, production: true }, { production: true });
  });
  afterAll(async () => {
    await http?.close();
    await db?.dispose();
    quiet.mockRestore();
  });

  it('answers a database failure with "Internal server error" and nothing else', async () => {
    const response = await postGraphql(http.url, { query: '{ programmes { code name } }' });
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.errors).toEqual([{ message: 'Internal server error', path: ['programmes'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(text).not.toMatch(/select|programme_gone|relation|stacktrace|\.ts:\d+|at /i);
  });

  it('logs the real error on the server', async () => {
    quiet.mockClear();
    await postGraphql(http.url, { query: '{ programmes { code } }' });
    expect(String(quiet.mock.calls[0]?.[0])).toMatch(/programme/);
  });

  it('keeps bad-input errors as they are, without a stack trace', async () => {
    const response = await postGraphql(http.url, { query: '{ jsts(first: 1000) { totalCount } }' });
    const error = ((await response.json()) as any).errors[0];
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first', reason: 'OUT_OF_RANGE' });
  });

  it('keeps limit refusals clear, without a stack trace', async () => {
    const response = await postGraphql(http.url, { query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    const error = ((await response.json()) as any).errors[0];
    expect(error.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES', limit: 30 });
  });

  it('leaves the database error message out of /health', async () => {
    const down = await startHttp({ em: stubEm({ fail: new Error('connect ECONNREFUSED 10.1.2.3:5432') }), rateLimit: false, production: true });
    try {
      const response = await fetch(`${down.url}/health`);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).not.toMatch(/ECONNREFUSED|10\.1\.2\.3/);
      expect(JSON.parse(text)).toMatchObject({ status: 'error', database: { reachable: false } });
    } finally {
      await down.close();
    }
  });
});

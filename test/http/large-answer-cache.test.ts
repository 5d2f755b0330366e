import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import { openSeededDatabase, testConfig, type TestDatabase } from '../support/database.js';

const GET_HEADERS = { accept: 'application/json', 'apollo-require-preflight': 'true' };
/** Every województwo's boundary (well over the 64 KB the GraphQL route writes at once) and a lookup by a malformed TERYT code. */
const LARGE_WITH_ERROR = '{ jstFeatures(level: VOIVODESHIP, precision: 6) jst(teryt: "12x") { name } }';
const LARGE = '{ jstFeatures(level: VOIVODESHIP, precision: 6) }';

/**
 * The real server: an answer over 64 KB is written in slices (a stream), so the HTTP cache cannot read
 * it for `errors` on its way out; the GraphQL route, which holds the whole text, says so itself.
 */
describe('caching of large GraphQL answers', () => {
  let db: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    db = await openSeededDatabase({ kind: 'pglite', dataDir: 'memory://' });
    app = await startApp(testConfig(db.database), { orm: db.orm, log: () => {} });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });
  const get = (query: string) => fetch(`${app.url}/graphql?${new URLSearchParams({ query })}`, { headers: GET_HEADERS });

  it('keeps an answer over 64 KB that carries errors no-store, without an ETag', async () => {
    const res = await get(LARGE_WITH_ERROR);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(64 * 1024);
    const body = JSON.parse(text) as { data: { jstFeatures: { features: unknown[] }; jst: null }; errors: { extensions: { code: string } }[] };
    expect(body.data.jstFeatures.features).toHaveLength(16);
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect([res.status, res.headers.get('cache-control'), res.headers.get('etag')]).toEqual([200, 'no-store', null]);
  });

  it('still caches an answer over 64 KB without errors', async () => {
    const res = await get(LARGE);
    expect((await res.text()).length).toBeGreaterThan(64 * 1024);
    expect(res.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=300');
    expect(res.headers.get('etag')).toMatch(/^W\//);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import { PROXY_WARNING } from '../../server/http/proxy-warning.js';
import { openSeededDatabase, testBackends, testConfig, type TestDatabase } from '../support/database.js';
import { createTestTokens, partnershipFixture, type TestTokens } from '../support/editing-fixtures.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';

/** A named boundary read by GET, as the map sent them before it drew from /tiles (and as any client may). */
const BOUNDARIES = `query MapBoundaries($level: JstLevel!, $simplify: Float, $precision: Int, $voivodeship: String) {
    jstFeatures(level: $level, simplify: $simplify, precision: $precision, voivodeship: $voivodeship) }`;
const mapRead = (variables: Record<string, unknown>) =>
  `/graphql?${new URLSearchParams({ query: BOUNDARIES, variables: JSON.stringify(variables), operationName: 'MapBoundaries' })}`;
const VOIVODESHIPS = mapRead({ level: 'VOIVODESHIP', simplify: 0.01, precision: 3 });
const GMINY_12 = mapRead({ level: 'MUNICIPALITY', simplify: 0.001, precision: 4, voivodeship: '12' });
const GET_HEADERS = { accept: 'application/json', 'apollo-require-preflight': 'true' };

/**
 * The whole server (Fastify, Apollo, the database) with caching, metrics, the rate limit and the
 * proxy warning wired in: 8 anonymous requests per client, then 1 every 7.5 s, loopback not exempt.
 */
describe.each(testBackends())('the front door on $name: caching, metrics, rate limit', ({ database }) => {
  let db: TestDatabase;
  let app: RunningApp;
  let api: GraphqlClient;
  let tokens: TestTokens;
  const lines: string[] = [];
  beforeAll(async () => {
    db = await openSeededDatabase(database);
    const config = { ...testConfig(db.database), rateLimit: { perMinute: 8, burst: 8, exemptLoopback: false } };
    app = await startApp(config, { orm: db.orm, log: (line) => lines.push(line) });
    api = await graphqlClient(db.orm);
    tokens = await createTestTokens(db.em());
  });
  afterAll(async () => {
    await api?.stop();
    await app?.close();
    await db?.dispose();
  });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers: { ...GET_HEADERS, ...headers } });

  it('answers the map\'s GET with an ETag and a public Cache-Control, then 304 for If-None-Match', async () => {
    const first = await get(VOIVODESHIPS);
    expect(first.status).toBe(200);
    expect(((await first.json()) as any).data.jstFeatures.features).toHaveLength(16);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]{8}\.\d+-[\w-]{16}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=300');
    const again = await get(VOIVODESHIPS, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    // Asked again without the ETag: answered from the server's read cache.
    expect((await get(VOIVODESHIPS)).status).toBe(200);
  });

  it('keeps POST and requests with a token no-store', async () => {
    const posted = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ programmes { code } }' }) });
    expect([posted.status, posted.headers.get('cache-control'), posted.headers.get('etag')]).toEqual([200, 'no-store', null]);
    const withToken = await get(`/graphql?query=${encodeURIComponent('{ programmes { code } }')}`, { authorization: `Bearer ${tokens.national}` });
    expect([withToken.status, withToken.headers.get('cache-control'), withToken.headers.get('etag')]).toEqual([200, 'no-store', null]);
  });

  it('answers 200 with the new data and a new ETag after a write', async () => {
    const before = await get(GMINY_12);
    const etag = before.headers.get('etag')!;
    const created = await partnershipFixture(api, tokens.admin, ['12'], ['1206032'], 'etag');
    const after = await get(GMINY_12, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const golcza = ((await after.json()) as any).data.jstFeatures.features.find((f: { id: string }) => f.id === '1206032');
    expect(golcza.properties.partnerships).toContain(created.slug);
  });

  it('caches exports by the same version', async () => {
    const first = await get('/export/partnerships.csv?filter=%7B%22voivodeship%22%3A%2212%22%7D');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/^public/);
    const again = await get('/export/partnerships.csv?filter=%7B%22voivodeship%22%3A%2212%22%7D', { 'if-none-match': first.headers.get('etag')! });
    expect(again.status).toBe(304);
  });

  it("lets the map's tiles and static files through the rate limit, and nothing else", async () => {
    const ip = { 'x-forwarded-for': '203.0.113.9' }; // TRUSTED_PROXIES=0: ignored, all from loopback's one bucket
    for (let i = 0; i < 8; i++) expect((await get('/tiles/wojewodztwa.json', ip)).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await get('/tiles/wojewodztwa/5/17/10.mvt', ip)).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await get('/', ip)).status).toBe(200);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await (await get('/', ip)).text())![1]!;
    for (let i = 0; i < 8; i++) expect((await get(script, ip)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(`/graphql?query=${encodeURIComponent('{ programmes { code } }')}`, ip)).status);
    expect(statuses).toContain(429);
    expect((await get('/nope', ip)).status).toBe(429); // other paths are counted, even those with no file
    // Boundaries read through GraphQL are counted like any other read: the map draws from /tiles.
    expect((await get(VOIVODESHIPS, ip)).status).toBe(429);
    expect((await get('/tiles/wojewodztwa.json', ip)).status).toBe(200);
  });

  it('warned once that X-Forwarded-For arrived while TRUSTED_PROXIES=0', () => {
    expect(lines.filter((l) => l.includes(PROXY_WARNING))).toHaveLength(1);
  });

  it('serves /metrics to this machine: operations by name and status, latency, the pool, the read cache', async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^atlas_http_requests_total\{operation="MapBoundaries",status="200"\} \d+/m);
    expect(text).toMatch(/^atlas_http_requests_total\{operation="MapBoundaries",status="304"\} 1$/m);
    expect(text).toMatch(/^atlas_http_requests_total\{operation="anonymous",status="429"\} \d+/m);
    expect(text).toMatch(/^atlas_http_request_duration_seconds_bucket\{le="\+Inf",operation="MapBoundaries"\} \d+/m);
    expect(text).toMatch(new RegExp(`^atlas_db_pool_connections\\{backend="${database.kind}",state="max"\\} (1|10)$`, 'm'));
    expect(text).toMatch(/^atlas_read_cache_hits_total [1-9]\d*$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

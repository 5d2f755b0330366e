import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { readDatasetVersion } from '../../server/dataset/dataset-version.js';
import { query } from '../../server/db/sql.js';
import { httpCachePlugin, matchesIfNoneMatch } from '../../server/http/http-cache.js';
import { openEmptyDatabase, type TestDatabase } from '../support/database.js';

/**
 * The cache headers on a bare Fastify server whose routes count how often they run, over a real
 * (embedded) database whose version moves with real writes.
 */
describe('ETag and Cache-Control from the dataset version', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const runs = { graphql: 0, export: 0 };
  beforeAll(async () => {
    db = await openEmptyDatabase({ kind: 'pglite', dataDir: 'memory://' });
    app = Fastify();
    await app.register(httpCachePlugin, { readVersion: () => readDatasetVersion(db.em()) });
    app.get('/graphql', async (request, reply) => {
      runs.graphql++;
      if ((request.query as { query?: string }).query === '{ bad }') return reply.code(400).send({ errors: [{ message: 'bad' }] });
      if ((request.query as { query?: string }).query === '{ partly }') return { data: { a: null }, errors: [{ message: 'PERSISTED_QUERY_NOT_FOUND' }] };
      return { data: { runs: runs.graphql } };
    });
    app.post('/graphql', async () => ({ data: { posted: true } }));
    app.get('/export/:file', async () => {
      runs.export++;
      return 'slug,teryt\n';
    });
    app.get('/health', async () => ({ ok: true }));
    app.get('/app.js', async (_request, reply) => reply.header('cache-control', 'public, max-age=31536000, immutable').send('js'));
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  const GRAPHQL = `/graphql?${new URLSearchParams({ query: '{ coverage { gminyCovered } }' })}`;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const write = () => query(db.em(), `update programme set name = name where false`);

  it('gives an anonymous GraphQL GET a weak ETag from the version and a short public Cache-Control', async () => {
    const res = await get(GRAPHQL);
    const { tag } = await readDatasetVersion(db.em());
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(new RegExp(`^W/"${tag.replace('.', '\\.')}-[\\w-]{16}"$`));
    expect(res.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=300');
    expect(res.headers.vary).toBe('Accept, Authorization');
  });

  it('answers a matching If-None-Match with 304 without running the operation', async () => {
    const first = await get(GRAPHQL);
    const before = runs.graphql;
    const again = await get(GRAPHQL, { 'if-none-match': first.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers).toMatchObject({ etag: first.headers.etag, 'cache-control': 'public, max-age=30, stale-while-revalidate=300' });
    expect(runs.graphql).toBe(before);
    // A list, a strong form of the same tag, and * all match (weak comparison).
    for (const header of [`"x", ${first.headers.etag}`, (first.headers.etag as string).slice(2), '*']) {
      expect([header, (await get(GRAPHQL, { 'if-none-match': header })).statusCode]).toEqual([header, 304]);
    }
  });

  it('changes the ETag with the question and the media type asked for', async () => {
    const a = await get(GRAPHQL);
    const b = await get(`/graphql?${new URLSearchParams({ query: '{ programmes { code } }' })}`);
    const c = await get(GRAPHQL, { accept: 'application/graphql-response+json' });
    expect(new Set([a.headers.etag, b.headers.etag, c.headers.etag]).size).toBe(3);
  });

  it('answers 200 with a new ETag once a write has committed', async () => {
    const before = await get(GRAPHQL);
    await write();
    const after = await get(GRAPHQL, { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('caches exports the same way', async () => {
    const first = await get('/export/partnerships.csv?filter=%7B%7D');
    expect(first.headers['cache-control']).toMatch(/^public/);
    const before = runs.export;
    expect((await get('/export/partnerships.csv?filter=%7B%7D', { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
    expect(runs.export).toBe(before);
    const head = await app.inject({ method: 'HEAD', url: '/export/partnerships.csv?filter=%7B%7D' });
    expect(head.headers.etag).toBe(first.headers.etag);
  });

  it('keeps requests with a token, POSTs, errors and answers with GraphQL errors no-store, and ignores their If-None-Match', async () => {
    const anonymous = await get(GRAPHQL);
    const withToken = await get(GRAPHQL, { authorization: 'Bearer x', 'if-none-match': anonymous.headers.etag as string });
    expect([withToken.statusCode, withToken.headers['cache-control'], withToken.headers.etag]).toEqual([200, 'no-store', undefined]);
    const posted = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ x }' }, headers: { 'if-none-match': '*' } });
    expect([posted.statusCode, posted.headers['cache-control'], posted.headers.etag]).toEqual([200, 'no-store', undefined]);
    const bad = await get(`/graphql?query=${encodeURIComponent('{ bad }')}`);
    expect([bad.statusCode, bad.headers['cache-control'], bad.headers.etag]).toEqual([400, 'no-store', undefined]);
    const partly = await get(`/graphql?query=${encodeURIComponent('{ partly }')}`);
    expect([partly.statusCode, partly.headers['cache-control'], partly.headers.etag]).toEqual([200, 'no-store', undefined]);
  });

  it('leaves other routes no-store unless they set their own Cache-Control', async () => {
    expect((await get('/health')).headers['cache-control']).toBe('no-store');
    expect((await get('/graphql')).headers['cache-control']).toBe('no-store'); // no operation: the IDE's page
    expect((await get('/app.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compares If-None-Match as RFC 9110 says', () => {
    expect(matchesIfNoneMatch(undefined, 'W/"a"')).toBe(false);
    expect(matchesIfNoneMatch('W/"b", W/"a"', 'W/"a"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', 'W/"a"')).toBe(true);
    expect(matchesIfNoneMatch('W/"ab"', 'W/"a"')).toBe(false);
  });
});

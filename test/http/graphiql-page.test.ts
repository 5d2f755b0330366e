/**
 * GET /graphql: GraphiQL from our own build for a browser, the GraphQL-over-HTTP endpoint for
 * everything else. Needs the built web app (`npm run web:build`; npm test does it first).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../server/config.js';
import { entryFiles } from '../support/web-manifest.js';
import { postGraphql, startHttp, type TestHttp } from './http-harness.js';

const dist = path.join(repoRoot, 'web', 'dist');
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
/** A GET to /graphql; the preflight header gets past Apollo's CSRF prevention, so GraphQL's own answer shows. */
const getGraphql = (url: string, accept: string, search = '') => fetch(`${url}/graphql${search}`, { headers: { accept, 'apollo-require-preflight': 'true' } });

describe('GraphiQL at GET /graphql', () => {
  let http: TestHttp;
  beforeAll(async () => {
    if (!existsSync(path.join(dist, 'graphiql.html'))) throw new Error('web/dist/graphiql.html is missing: run `npm run web:build` (npm test does it first)');
    http = await startHttp({ rateLimit: false, web: { root: dist } });
  });
  afterAll(async () => {
    await http?.close();
  });

  it('answers a browser with the built GraphiQL page, under a CSP that names no other origin', async () => {
    const response = await getGraphql(http.url, BROWSER);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('vary')).toMatch(/\bAccept\b/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'self'", "script-src 'self'", "worker-src 'self'", "connect-src 'self'", "font-src 'self' data:", "frame-ancestors 'self'"]) {
      expect(csp).toContain(directive);
    }
    // Only keywords, 'self' and data: — no host, no scheme that reaches beyond this server.
    expect(csp).not.toMatch(/https?:|\*|blob:|'unsafe-eval'/);
    const html = await response.text();
    expect(html).toContain('<div id="graphiql-root">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves every file the page loads (scripts, styles, Monaco’s workers) from this server', async () => {
    const files = entryFiles(dist, 'graphiql.html');
    expect(files.some((f) => /editor\.worker/.test(f))).toBe(true);
    expect(files.some((f) => /graphql\.worker/.test(f))).toBe(true);
    for (const file of files) {
      const response = await fetch(`${http.url}/${file}`, { method: 'HEAD' });
      expect([file, response.status]).toEqual([file, 200]);
    }
  });

  it('keeps GraphiQL out of the map: the two pages share no file', () => {
    const map = new Set(entryFiles(dist, 'index.html'));
    const graphiql = entryFiles(dist, 'graphiql.html');
    expect(graphiql.filter((f) => map.has(f))).toEqual([]);
    expect([...map].filter((f) => /monaco|graphiql|react/i.test(f))).toEqual([]);
  });

  it('answers HEAD like GET, without the body', async () => {
    const response = await fetch(`${http.url}/graphql`, { method: 'HEAD', headers: { accept: BROWSER } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });

  it('runs an operation sent by GET even from a browser', async () => {
    const response = await getGraphql(http.url, BROWSER, `?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('vary')).toMatch(/\bAccept\b/);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('gives clients that do not prefer HTML the GraphQL endpoint’s own answer, never Apollo’s landing page', async () => {
    for (const accept of ['application/graphql-response+json', 'application/json', '*/*']) {
      const response = await getGraphql(http.url, accept);
      // 400, or 200 with errors for a client that names only application/json (GraphQL over HTTP).
      expect([accept, response.status === 400 || response.status === 200]).toEqual([accept, true]);
      expect(response.headers.get('content-type')).toMatch(/json/);
      const body = (await response.json()) as { errors: { message: string }[] };
      expect(body.errors[0]!.message).toMatch(/query/i);
    }
    const post = await postGraphql(http.url, { query: '{ __typename }' }, { accept: BROWSER });
    expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('says with a coded error when the web app is not built, and GraphQL still answers', async () => {
    const unbuilt = await startHttp({ rateLimit: false });
    try {
      const response = await getGraphql(unbuilt.url, BROWSER);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/web:build/), extensions: { code: 'NOT_FOUND' } });
      const post = await postGraphql(unbuilt.url, { query: '{ __typename }' });
      expect(await post.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await unbuilt.close();
    }
  });
});

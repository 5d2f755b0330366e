import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { datasetEtag } from '../../server/http/http-cache.js';
import { startHttp, stubEm, type TestHttp } from '../http/http-harness.js';

const VERSION = { epoch: '0123456789abcdef', version: 7, changedAt: new Date('2026-11-27T12:00:00Z'), tag: '01234567.7' };

/** The OGC API inside the HTTP platform: counted by the rate limit like any API read, revalidated by the dataset version before any SQL. */
describe('OGC API Features and the HTTP platform', () => {
  let http: TestHttp;
  beforeAll(async () => {
    // A database whose every statement fails: an answer that arrives came without SQL.
    http = await startHttp({ em: stubEm({ fail: new Error('no SQL expected') }), rateLimit: { perMinute: 60, burst: 3, exemptLoopback: false }, httpCache: { readVersion: async () => VERSION } });
  });
  afterAll(() => http.close());

  it('answers If-None-Match of the current dataset version with 304 before reading the database, and counts OGC reads in the rate limit', async () => {
    const path = '/ogc/collections/gminy/items?limit=5';
    const etag = datasetEtag(VERSION, { url: path, headers: { accept: 'application/geo+json' } });
    const revalidated = await fetch(`${http.url}${path}`, { headers: { accept: 'application/geo+json', 'if-none-match': etag } });
    expect([revalidated.status, revalidated.headers.get('etag')]).toEqual([304, etag]);
    // Without the tag the route runs and meets the failing database; the landing page needs none.
    expect((await fetch(`${http.url}${path}`, { headers: { accept: 'application/geo+json' } })).status).toBeGreaterThanOrEqual(500);
    const landing = await fetch(`${http.url}/ogc`);
    expect([landing.status, landing.headers.get('etag')]).toEqual([200, datasetEtag(VERSION, { url: '/ogc', headers: { accept: '*/*' } })]);
    const refused = await fetch(`${http.url}/ogc/conformance`);
    expect(refused.status).toBe(429);
  });
});

describe('OGC API links behind a reverse proxy', () => {
  const dataLink = async (http: TestHttp) => {
    const landing = await fetch(`${http.url}/ogc`, { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'atlas.example.pl' } });
    return ((await landing.json()) as { links: { rel: string; href: string }[] }).links.find((l) => l.rel === 'data')!.href;
  };

  it('builds links from X-Forwarded-Proto and -Host only when the proxy is trusted', async () => {
    const trusted = await startHttp({ trustedProxies: 1, rateLimit: false });
    const direct = await startHttp({ rateLimit: false });
    try {
      expect(await dataLink(trusted)).toBe('https://atlas.example.pl/ogc/collections');
      expect(await dataLink(direct)).toBe(`${direct.url}/ogc/collections`);
      // `/ogc/`, as people type it into QGIS or GDAL, leads to the landing page.
      const slash = await fetch(`${direct.url}/ogc/?f=json`, { redirect: 'manual' });
      expect([slash.status, slash.headers.get('location')]).toEqual([301, '/ogc?f=json']);
    } finally {
      await trusted.close();
      await direct.close();
    }
  });
});

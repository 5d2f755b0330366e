import { describe, expect, it } from '@jest/globals';
import { testBackends } from '../support/database.js';
import { CRS84, EPSG_2180, EPSG_4326, errorOf, useOgcApp } from './ogc-app.js';

type Link = { href: string; rel: string; type?: string };
const rels = (links: Link[]) => links.map((l) => l.rel);
const COLLECTIONS = ['gminy', 'powiaty', 'wojewodztwa', 'partnerships', 'memberships'];

describe.each(testBackends())('OGC API Features documents on $name', ({ database }) => {
  const ogc = useOgcApp(database);

  it('has a landing page linking itself, its HTML, the OpenAPI definition, its docs, conformance and the data, with the licence', async () => {
    const landing = await ogc.json<{ links: Link[]; license: { spdx: string }; attribution: string }>('/ogc');
    expect(rels(landing.links)).toEqual(expect.arrayContaining(['self', 'alternate', 'service-desc', 'service-doc', 'conformance', 'data', 'license']));
    const byRel = Object.fromEntries(landing.links.map((l) => [l.rel, l]));
    expect(byRel['service-desc']).toMatchObject({ href: `${ogc.app.url}/ogc/api`, type: 'application/vnd.oai.openapi+json;version=3.0' });
    expect(byRel.data!.href).toBe(`${ogc.app.url}/ogc/collections`);
    expect(byRel.alternate!.type).toBe('text/html');
    expect(landing.license.spdx).toBe('CC-BY-4.0');
    expect(landing.attribution).toContain('Państwowy Rejestr Granic');
    // Every link the landing page gives answers.
    for (const link of landing.links.filter((l) => l.href.startsWith(ogc.app.url))) expect((await fetch(link.href)).status).toBe(200);
  });

  it('declares Part 1 core, GeoJSON, HTML, OpenAPI 3.0 and Part 2 CRS conformance', async () => {
    const { conformsTo } = await ogc.json<{ conformsTo: string[] }>('/ogc/conformance');
    expect(conformsTo.sort()).toEqual([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
      'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
    ]);
  });

  it('lists every collection with its extent, CRS list, storage CRS, items links and licence', async () => {
    const doc = await ogc.json<{ crs: string[]; collections: { id: string; crs: string[]; storageCrs: string; extent: { spatial: { bbox: number[][] } }; links: Link[]; license: unknown }[] }>('/ogc/collections');
    expect(doc.crs).toEqual([CRS84, EPSG_4326, EPSG_2180]);
    expect(doc.collections.map((c) => c.id)).toEqual(COLLECTIONS);
    for (const c of doc.collections) {
      expect(c.crs).toEqual([CRS84, EPSG_4326, EPSG_2180]);
      expect(c.storageCrs).toBe(CRS84);
      expect(c.license).toBeDefined();
      const items = c.links.find((l) => l.rel === 'items' && l.type === 'application/geo+json');
      expect(items?.href).toBe(`${ogc.app.url}/ogc/collections/${c.id}/items`);
      // Poland lies within 14–24.2° E, 49–55° N.
      const [w, s, e, n] = c.extent.spatial.bbox[0]!;
      expect([w! > 14, s! > 48.9, e! < 24.2, n! < 55]).toEqual([true, true, true, true]);
    }
    const one = await ogc.json<{ id: string; itemType: string }>('/ogc/collections/partnerships');
    expect(one).toMatchObject({ id: 'partnerships', itemType: 'feature' });
  });

  it('describes every collection path and filter in an OpenAPI 3.0 document', async () => {
    const response = await ogc.get('/ogc/api');
    expect(response.headers.get('content-type')).toBe('application/vnd.oai.openapi+json;version=3.0; charset=utf-8');
    const api = (await response.json()) as { openapi: string; paths: Record<string, { get: { parameters: { name: string; schema: { maximum?: number } }[] } }> };
    expect(api.openapi).toMatch(/^3\.0\./);
    for (const id of COLLECTIONS) expect(Object.keys(api.paths)).toEqual(expect.arrayContaining([`/collections/${id}`, `/collections/${id}/items`, `/collections/${id}/items/{featureId}`]));
    const names = (path: string) => api.paths[path]!.get.parameters.map((p) => p.name);
    expect(names('/collections/partnerships/items')).toEqual(expect.arrayContaining(['bbox', 'bbox-crs', 'crs', 'limit', 'offset', 'programme', 'status', 'wojewodztwo', 'teryt', 'partnership']));
    expect(names('/collections/gminy/items')).toEqual(expect.arrayContaining(['bbox', 'teryt', 'wojewodztwo', 'partnership', 'programme']));
    expect(api.paths['/collections/gminy/items']!.get.parameters.find((p) => p.name === 'limit')!.schema.maximum).toBe(10_000);
  });

  it('answers browsers with HTML (Polish first, escaped, linking the JSON) and everyone else with JSON', async () => {
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const path of ['/ogc', '/ogc/conformance', '/ogc/collections', '/ogc/collections/gminy', '/ogc/collections/gminy/items', '/ogc/collections/gminy/items/1465011', '/ogc/api']) {
      const page = await ogc.get(path, browser);
      expect([path, page.status, page.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
      const html = await page.text();
      expect(html).toMatch(/^<!doctype html>\n<html lang="pl">/);
      expect(html).toContain('f=json');
      expect(page.headers.get('vary')).toMatch(/Accept/);
      expect((await ogc.get(path, { accept: '*/*' })).headers.get('content-type')).toMatch(/^application\/(geo\+)?(json|vnd)/);
      expect((await ogc.get(`${path}?f=html`)).headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    const warszawa = await (await ogc.get('/ogc/collections/gminy/items/1465011?f=html')).text();
    expect(warszawa).toContain('<td>Warszawa</td>');
    expect(warszawa).toContain('Właściwość / Property');
    // A value with markup in it is escaped, never interpreted: the query string is echoed in the links.
    const echoed = await (await ogc.get('/ogc/collections/gminy/items?f=html&bbox=20,50,21,51&limit=1&wojewodztwo=12')).text();
    expect(echoed).not.toMatch(/<a href="[^"]*<|&(?!amp;|quot;|lt;|gt;|#39;)/);
  });

  it('answers HEAD like GET, and revalidates with the dataset-version ETag (304)', async () => {
    for (const path of ['/ogc', '/ogc/collections', '/ogc/collections/wojewodztwa/items?limit=2']) {
      const identity = { 'accept-encoding': 'identity' };
      const full = await ogc.get(path, identity);
      const head = await ogc.get(path, identity, 'HEAD');
      expect([head.status, head.headers.get('content-type'), head.headers.get('etag')]).toEqual([200, full.headers.get('content-type'), full.headers.get('etag')]);
      expect(full.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
      const again = await ogc.get(path, { 'if-none-match': full.headers.get('etag')! });
      expect(again.status).toBe(304);
    }
  });

  it('refuses an unknown collection or feature with 404 and an unknown parameter or format with 400, in the one error body', async () => {
    expect([(await ogc.get('/ogc/collections/rivers')).status, await errorOf(await ogc.get('/ogc/collections/rivers/items'))]).toEqual([404, expect.objectContaining({ code: 'NOT_FOUND' })]);
    // A powiat's code is well-formed but names no gmina; a malformed code is bad input.
    expect(await errorOf(await ogc.get('/ogc/collections/gminy/items/1465'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(await ogc.get('/ogc/collections/gminy/items/12x'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED', field: 'featureId' });
    expect(await errorOf(await ogc.get('/ogc?lang=pl'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_KEY', field: 'lang' });
    expect(await errorOf(await ogc.get('/ogc/collections?f=xml'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ALLOWED', field: 'f' });
  });
});

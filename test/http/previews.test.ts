import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../server/config.js';
import { partnershipNames } from '../../server/http/view-meta.js';
import { MAX_VIEW_TITLE } from '../../server/input/view-link.js';
import { openSeededDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { startHttp, tempWebRoot, type TestHttp } from './http-harness.js';

const SLUG = 'lider-pojezierza';
const HOSTILE = '"><script>alert(1)</script><meta property="og:title" content="pwned';

type ErrorAnswer = { errors: { message: string; extensions: { code: string; field?: string; reason?: string } }[] };

/** Link previews of map views: oEmbed (GET /oembed) and the Open Graph tags of `/` and `/embed`, on a seeded database. */
describe.each(testBackends())('link previews ($name)', ({ database }) => {
  let db: TestDatabase;
  let http: TestHttp;
  let name: string;
  beforeAll(async () => {
    db = await openSeededDatabase(database);
    const root = tempWebRoot();
    // The page's source: the build keeps its <title> and description, which the tags follow.
    copyFileSync(path.join(repoRoot, 'web', 'index.html'), path.join(root, 'index.html'));
    http = await startHttp({ em: db.em(), rateLimit: false, web: { root }, partnershipName: partnershipNames(() => db.em()) });
    name = (await partnershipNames(() => db.em())(SLUG))!;
    expect(name).toBeTruthy();
  });
  afterAll(async () => {
    await http?.close();
    await db?.dispose();
  });

  const oembed = (query: Record<string, string>) => fetch(`${http.url}/oembed?${new URLSearchParams(query)}`);
  const errorOf = async (res: Response) => ((await res.json()) as ErrorAnswer).errors[0]!;

  it('answers a view of ours with a rich iframe of its /embed URL, titled, within maxwidth and maxheight', async () => {
    const view = `${http.url}/?p=${SLUG}&prog=KPO-A1.3.1&title=${encodeURIComponent('Nasze <partnerstwo>')}`;
    const res = await oembed({ url: view, format: 'json', maxwidth: '400', maxheight: '300' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Atlas Partnerstw', provider_url: `${http.url}/`, title: 'Nasze <partnerstwo>', width: 400, height: 300 });
    expect(body.html).toBe(
      `<iframe src="${http.url}/embed?p=${SLUG}&amp;prog=KPO-A1.3.1&amp;title=Nasze%20%3Cpartnerstwo%3E" title="Nasze &lt;partnerstwo&gt;" width="400" height="300" style="border:0" loading="lazy"></iframe>`,
    );
    // Without limits: the default frame; without a title: the partnership's name from the database.
    const plain = (await (await oembed({ url: `${http.url}/embed?p=${SLUG}` })).json()) as Record<string, unknown>;
    expect(plain).toMatchObject({ width: 640, height: 480, title: `${name} — Atlas Partnerstw` });
  });

  it('refuses a URL that is not a view of this atlas with 404 NOT_FOUND', async () => {
    for (const url of ['https://example.org/?p=x', `${http.url}/graphql?query=%7B__typename%7D`, `${http.url.replace('127.0.0.1', 'localhost')}/`]) {
      const res = await oembed({ url });
      expect(res.status).toBe(404);
      expect(await errorOf(res)).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'url' } });
    }
  });

  it('refuses bad input with 400 in the one error body, and format=xml with 501', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ url: `${http.url}/`, maxwidth: 'wide' }, 'maxwidth', 'OUT_OF_RANGE'],
      [{ url: `${http.url}/`, maxheight: '0' }, 'maxheight', 'OUT_OF_RANGE'],
      [{ url: 'not a url' }, 'url', 'MALFORMED'],
      [{ format: 'json' }, 'url', 'EMPTY'],
      [{ url: `${http.url}/`, format: 'yaml' }, 'format', 'NOT_ALLOWED'],
      [{ url: `${http.url}/`, maxwdth: '300' }, 'maxwdth', 'UNKNOWN_KEY'],
    ];
    for (const [query, field, reason] of cases) {
      const res = await oembed(query);
      expect([JSON.stringify(query), res.status]).toEqual([JSON.stringify(query), 400]);
      expect(await errorOf(res)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field, reason } });
    }
    const xml = await oembed({ url: `${http.url}/`, format: 'xml' });
    expect(xml.status).toBe(501);
    expect(await errorOf(xml)).toMatchObject({ extensions: { code: 'NOT_IMPLEMENTED', field: 'format' } });
  });

  const page = async (pathAndQuery: string) => {
    const res = await fetch(`${http.url}${pathAndQuery}`);
    expect(res.status).toBe(200);
    return { res, html: await res.text() };
  };
  const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)" />`).exec(html)?.[1];

  it('serves / and /embed with per-URL Open Graph tags and the oEmbed discovery link', async () => {
    const { html } = await page(`/embed?p=${SLUG}&lang=en`);
    expect(meta(html, 'og:title')).toBe(`${name} — Atlas Partnerstw`);
    expect(meta(html, 'og:url')).toBe(`${http.url}/embed?p=${SLUG}&amp;lang=en`);
    expect(meta(html, 'og:description')).toContain('members and area of the partnership');
    expect(meta(html, 'twitter:card')).toBe('summary');
    const discovery = `<link rel="alternate" type="application/json+oembed" href="${http.url}/oembed?url=${encodeURIComponent(`${http.url}/embed?p=${SLUG}&lang=en`)}&amp;format=json"`;
    expect(html).toContain(discovery);
    const home = (await page('/')).html;
    expect(meta(home, 'og:title')).toBe('Atlas Partnerstw');
    expect(meta(home, 'description')).toContain('partnerstw międzysamorządowych');
    expect(home.match(/<meta name="description"/g)).toHaveLength(1);
    expect(home).toContain('<script type="module"');
  });

  it('escapes a hostile title= and cuts a long one; the page stays one page', async () => {
    const { html } = await page(`/?title=${encodeURIComponent(HOSTILE)}`);
    expect(html).not.toContain('<script>alert');
    expect(html.match(/property="og:title"/g)).toHaveLength(1);
    expect(meta(html, 'og:title')).toBe('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;meta property=&quot;og:title&quot; content=&quot;pwned');
    expect(html).toContain('<title>&quot;&gt;&lt;script&gt;');
    const long = meta((await page(`/embed?title=${'ż'.repeat(500)}`)).html, 'og:title')!;
    expect([...long]).toHaveLength(MAX_VIEW_TITLE);
    expect(long.endsWith('…')).toBe(true);
  });

  it('answers a page again unchanged with 304, and with no-cache and the page CSP', async () => {
    const { res } = await page(`/embed?p=${SLUG}`);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const again = await fetch(`${http.url}/embed?p=${SLUG}`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const other = await fetch(`${http.url}/embed?p=other`, { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(other.status).toBe(200);
  });
});

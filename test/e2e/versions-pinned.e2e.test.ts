/**
 * A cited view survives an edit, in Chromium against the real server on a fresh embedded database:
 * a pinned embed (`version=<n>`) keeps its members and area after a membership edit through the API,
 * says which version it shows with a link to the newest data, and every request it makes carries the
 * pin; the unpinned view shows the edit; the share link of a page pins the version it shows.
 * Screenshots: test-output/screenshots/versions-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Em } from '../../server/db/orm.js';
import { createTestTokens, members, SRC, uniqueSlug } from '../support/editing-fixtures.js';
import { startBrowserTest, type BrowserTestSetup } from './browser.js';
import { idle, openMap, postQuery } from './map-page.js';
import { SHOTS } from './flow-page.js';

// Gminy of powiat bocheński (małopolskie, 12): Bochnia (rural) 1201022, Drwinia 1201032, Łapanów 1201052.
let setup: BrowserTestSetup;
let admin: string;
const slug = uniqueSlug('cytat');

const shot = (page: Page, state: string) => page.screenshot({ path: path.join(SHOTS, `versions-${state}.png`) });

/** A write through the API with the admin token. */
async function write(query: string, variables: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${setup.app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query, variables }),
  });
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
}

/** What the page's tiles say of the partnership: its member gminy, its `members` figure and the extent of its area (degrees). */
function drawn(page: Page): Promise<{ gminy: string[]; members: number | null; width: number }> {
  return page.evaluate((s) => {
    const map = (globalThis as any).__atlas.map;
    const gminy = map.querySourceFeatures('gminy', { sourceLayer: 'gminy' })
      .filter((f: any) => String(f.properties.partnerships ?? '').split(',').includes(s))
      .map((f: any) => String(f.properties.teryt ?? f.id));
    const areas = map.querySourceFeatures('areas', { sourceLayer: 'areas' }).filter((f: any) => f.properties.slug === s);
    const xs = areas.flatMap((f: any) => JSON.stringify(f.geometry.coordinates).match(/-?\d+\.\d+/g)!.filter((_: string, i: number) => i % 2 === 0).map(Number));
    return { gminy: [...new Set<string>(gminy)].sort(), members: areas[0]?.properties.members ?? null, width: xs.length ? Math.max(...xs) - Math.min(...xs) : 0 };
  }, slug);
}

describe('a pinned embed survives an edit (browser)', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startBrowserTest('index.html');
    ({ admin } = await createTestTokens(setup.app.orm.em.fork() as Em));
    await write(`mutation($input: PartnershipInput!) { createPartnership(input: $input) { slug } }`, {
      input: { slug, name: 'Cytowane Partnerstwo', sources: SRC, voivodeships: ['12'], members: members('1201022', '1201032') },
    });
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('keeps the old members and area after an edit, says its version, and links to the newest', async () => {
    const { dataset } = await postQuery<{ dataset: { version: number } }>(setup.app.url, '{ dataset { version } }');
    const pinned = dataset.version;
    const embedPath = `/embed?p=${slug}&version=${pinned}`;
    const first = await openMap(setup.browser, `${setup.app.url}${embedPath}`, { width: 800, height: 500 });
    const before = await drawn(first.page);
    expect(before.members).toBe(2);
    await first.page.close();

    await write(`mutation($slug: String!, $m: [MemberInput!]!) { setMembers(slug: $slug, version: 1, members: $m) { version } }`, { slug, m: members('1201022', '1201032', '1201052') });

    const again = await openMap(setup.browser, `${setup.app.url}${embedPath}`, { width: 800, height: 500 });
    const page = again.page;
    await page.waitForSelector('#version-line');
    expect(await drawn(page)).toEqual(before);
    const line = (await page.textContent('#version-line'))!;
    expect(line).toMatch(new RegExp(`^Dane w wersji ${pinned} z \\d{1,2} \\p{L}+ \\d{4} · Zobacz najnowsze$`, 'u'));
    // Every read of the page (GraphQL, TileJSON, tiles) carries the pin.
    const reads = again.requests.map((r) => new URL(r.url())).filter((u) => u.pathname === '/graphql' || u.pathname.startsWith('/tiles/'));
    expect(reads.length).toBeGreaterThan(5);
    expect(reads.filter((u) => u.searchParams.get('version') !== String(pinned)).map((u) => u.pathname)).toEqual([]);
    await shot(page, 'pinned-embed');

    await page.click('#version-line a');
    await page.waitForFunction(() => (globalThis as any).__atlas?.ready === true && !(globalThis as any).document.querySelector('#version-line'));
    await idle(page);
    expect(new URL(page.url()).searchParams.get('version')).toBeNull();
    const latest = await drawn(page);
    expect(latest.members).toBe(3);
    expect(latest.gminy).toEqual(expect.arrayContaining(before.gminy));
    expect(latest.gminy.length).toBeGreaterThan(before.gminy.length);
    expect(latest.width).toBeGreaterThan(before.width);
    await shot(page, 'latest-embed');
    await page.close();
  });

  it('in English, and the share link of the full view pins the version it shows', async () => {
    const { dataset } = await postQuery<{ dataset: { version: number } }>(setup.app.url, '{ dataset { version } }');
    const { page } = await openMap(setup.browser, `${setup.app.url}/?p=${slug}&lang=en&version=${dataset.version - 1}`);
    await page.waitForSelector('#version-line');
    expect(await page.textContent('#version-line')).toMatch(new RegExp(`^Data version ${dataset.version - 1} of \\d{1,2} \\p{L}+ \\d{4} · See the latest$`, 'u'));
    await shot(page, 'pinned-full-en');
    await page.close();

    const latest = (await openMap(setup.browser, `${setup.app.url}/?p=${slug}`)).page;
    expect(await latest.locator('#version-line').count()).toBe(0);
    await latest.click('#btn-share');
    const shared = new URL(await latest.inputValue('.share-output input.share-url'));
    expect(shared.searchParams.get('version')).toBe(String(dataset.version));
    expect(shared.searchParams.get('p')).toBe(slug);
    await shot(latest, 'share-pins');
    await latest.close();
  });
});

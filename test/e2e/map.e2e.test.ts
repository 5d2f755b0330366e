/**
 * The map in a real browser against the real server on a fresh embedded database.
 * Needs the built app (`npm run web:build`) and /usr/bin/chromium. Screenshots go to test-output/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { E2E_OUT, startBrowserTest, type BrowserTestSetup } from './browser.js';
import { bundleSize, measureFirstView } from './measure-first-view.js';
import { idle, openMap, postQuery } from './map-page.js';

const LODZ = '1061011';

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;

const gql = <T>(query: string, variables: Record<string, unknown> = {}) => postQuery<T>(app.url, query, variables);

async function open(urlPath: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  return (await openMap(browser, `${app.url}${urlPath}`, viewport)).page;
}

const state = (page: Page) => page.evaluate(() => (globalThis as any).__atlas.state());
const rendered = (page: Page): Promise<{ teryt: string; count: number; shown: string[] }[]> => page.evaluate(() => (globalThis as any).__atlas.renderedGminy());
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(E2E_OUT, `${name}.png`) });
const waitForDetails = (page: Page, title: string) =>
  page.waitForFunction((t) => (globalThis as any).document.querySelector('#details-title')?.textContent === t, title);
const colouredSlugs = async (page: Page) => new Set((await rendered(page)).flatMap((g) => g.shown));

describe('web map (browser)', () => {
  beforeAll(async () => {
    setup = await startBrowserTest('index.html');
    ({ app, browser } = setup);
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('loads and draws every gmina, coloured by partnership or grey', async () => {
    const page = await open('/');
    const gminy = await rendered(page);
    expect(gminy.length).toBeGreaterThan(2400);
    expect(gminy.some((g) => g.count === 0)).toBe(true);
    expect(gminy.some((g) => g.count === 1)).toBe(true);
    expect(gminy.some((g) => g.count >= 2)).toBe(true);
    expect(await page.locator('#legend li').first().isVisible()).toBe(true);
    await shot(page, '01-start');
    await page.close();
  });

  it('clicking a gmina shows its partnerships', async () => {
    const page = await open('/');
    const { jst } = await gql<{ jst: { labelPoint: [number, number]; memberships: { partnership: { name: string } }[] } }>(
      `query($t: String!) { jst(teryt: $t) { labelPoint memberships { partnership { name } } } }`, { t: LODZ });
    expect(jst.memberships.length).toBeGreaterThan(0);
    await page.evaluate(([lng, lat]) => new Promise<void>((r) => {
      const map = (globalThis as any).__atlas.map;
      map.once('idle', () => r());
      map.jumpTo({ center: [lng, lat], zoom: 9 });
    }), jst.labelPoint);
    const box = (await page.locator('#map canvas').boundingBox())!;
    const pt = await page.evaluate(([lng, lat]) => (globalThis as any).__atlas.map.project([lng, lat]), jst.labelPoint);
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    await waitForDetails(page, 'Łódź');
    const details = (await page.textContent('#details'))!;
    for (const m of jst.memberships) expect(details).toContain(m.partnership.name);
    expect(details).toContain(LODZ);
    expect((await state(page)).gmina).toBe(LODZ);
    await idle(page);
    await shot(page, '02-gmina-clicked');
    await page.close();
  });

  it('choosing a programme recolours the map to that programme’s partnerships', async () => {
    const page = await open('/');
    const before = await colouredSlugs(page);
    const code = 'CWD-PLUS';
    const { partnerships } = await gql<{ partnerships: { edges: { node: { slug: string } }[] } }>(
      `query($p: String!) { partnerships(filter: { programme: $p }, first: 200) { edges { node { slug } } } }`, { p: code });
    const expected = new Set(partnerships.edges.map((e) => e.node.slug));
    await page.selectOption('#f-programme', code);
    await page.waitForFunction(() => (globalThis as any).__atlas.state().programme !== null);
    await idle(page);
    const after = await colouredSlugs(page);
    expect(after.size).toBeGreaterThan(0);
    for (const s of after) expect(expected.has(s)).toBe(true);
    expect(after).not.toEqual(before);
    expect(page.url()).toContain(`prog=${code}`);
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#coverage h2')?.textContent?.includes('CWD-PLUS'));
    await shot(page, '03-programme');
    await page.close();
  });

  it('search "lodz" finds Łódź and keyboard Enter selects it', async () => {
    const page = await open('/');
    await page.fill('#search-input', 'lodz');
    await page.waitForSelector('#search-list li[role=option]');
    const first = await page.getAttribute('#search-list li[role=option]:first-child', 'data-id');
    expect(first).toBe(LODZ);
    expect(await page.getAttribute('#search-input', 'aria-expanded')).toBe('true');
    await shot(page, '04-search');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe('search-opt-0');
    await page.keyboard.press('Enter');
    await waitForDetails(page, 'Łódź');
    await page.waitForFunction(() => (globalThis as any).__atlas.map.getZoom() > 8);
    await idle(page);
    expect((await state(page)).gmina).toBe(LODZ);
    await shot(page, '05-search-chosen');
    await page.close();
  });

  it('a shared URL restores the same view', async () => {
    const page = await open('/?prog=CWD&lang=en');
    await page.click('#search-input');
    await page.fill('#search-input', 'lodz');
    await page.waitForSelector('#search-list li[role=option]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as any).__atlas.map.getZoom() > 8);
    await idle(page);
    const a = await state(page);
    const shared = page.url();
    await page.close();
    const again = await open(new URL(shared).pathname + new URL(shared).search);
    const b = await state(again);
    expect(b.programme).toBe('CWD');
    expect(b.lang).toBe('en');
    expect(b.gmina).toBe(a.gmina);
    expect(b.center[0]).toBeCloseTo(a.center[0], 3);
    expect(b.center[1]).toBeCloseTo(a.center[1], 3);
    expect(b.zoom).toBeCloseTo(a.zoom, 2);
    expect(await again.textContent('#btn-share')).toBe('Share');
    await waitForDetails(again, 'Łódź');
    await shot(again, '06-shared-restored');
    await again.close();
  });

  it('/embed renders one partnership without chrome, with legend, attribution and a link to the full view', async () => {
    const slug = 'lodzki-obszar-metropolitalny';
    const page = await open(`/embed?p=${slug}`, { width: 640, height: 420 });
    expect(await page.locator('#filters').count()).toBe(0);
    expect(await page.locator('#details').count()).toBe(0);
    expect(await page.locator('#search-input').count()).toBe(0);
    expect(await page.locator('#legend').isVisible()).toBe(true);
    const selected: string[] = await page.evaluate(() => (globalThis as any).__atlas.renderedAreas('areas-selected'));
    expect(selected).toContain(slug);
    const footer = (await page.textContent('.embed-footer'))!;
    expect(footer).toContain('Atlas Partnerstw, dane: CC BY 4.0; granice: PRG (GUGiK); kody TERC: GUS');
    const href = (await page.getAttribute('.embed-footer a', 'href'))!;
    expect(href.split('&')[0]).toBe(`/?p=${slug}`);
    await shot(page, '07-embed');
    await page.close();
  });

  it('measures the first view and the bundle', async () => {
    const first = await measureFirstView(`${app.url}/`, { browser });
    const bundle = bundleSize();
    console.log('[web] first view', JSON.stringify(first), 'bundle', JSON.stringify(bundle));
    expect(first.requests).toBeGreaterThan(3);
    expect(first.bytesTransferred).toBeLessThan(5_000_000);
    expect(bundle.gzipBytes).toBeGreaterThan(0);
  });
});

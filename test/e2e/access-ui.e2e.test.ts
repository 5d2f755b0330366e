/**
 * Keyboard and screen use of the atlas: a keyboard-only path to open and close details, focus back
 * where it came from, Escape, a focus ring the map does not clip; the table view against the map
 * under a filter; the order of the page at 390 px and its folding panels.
 * Needs the built app (`npm run web:build`) and /usr/bin/chromium. Screenshots: test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { repoRoot } from '../../server/config.js';
import { startBrowserTest, type BrowserTestSetup } from './browser.js';
import { idle, openMap } from './map-page.js';

const SHOTS = path.join(repoRoot, 'test-output', 'screenshots');
const LODZ = '1061011';

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `access-${name}.png`) });
/** What has focus: "canvas", "#id", or "tag.class: text". */
const focused = (page: Page) => page.evaluate(() => {
  const a = (globalThis as any).document.activeElement;
  if (a?.tagName === 'CANVAS') return 'canvas';
  if (a?.id) return `#${a.id}`;
  return `${a?.tagName.toLowerCase()}.${a?.className}: ${a?.textContent}`;
});
const state = (page: Page) => page.evaluate(() => (globalThis as any).__atlas.state());

async function centreOn(page: Page, teryt: string): Promise<void> {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ jst(teryt: "${teryt}") { labelPoint } }` }) });
  const { labelPoint } = ((await res.json()) as { data: { jst: { labelPoint: [number, number] } } }).data.jst;
  await page.evaluate((c) => new Promise<void>((r) => {
    const map = (globalThis as any).__atlas.map;
    map.once('idle', () => r());
    map.jumpTo({ center: c, zoom: 9 });
  }), labelPoint);
}

/** Presses Tab until `done` holds (at most `max` times); fails if it never does. */
async function tabUntil(page: Page, done: () => Promise<boolean>, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await done()) return;
  }
  throw new Error('Tab never reached the target');
}

describe('access (browser)', () => {
  beforeAll(async () => {
    setup = await startBrowserTest('index.html');
    ({ app, browser } = setup);
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('keyboard only: Tab to the map, Enter opens the gmina in the middle, Escape closes, focus back on the map; the ring is drawn inside the map', async () => {
    const { page } = await openMap(browser, `${app.url}/`);
    await centreOn(page, LODZ);
    await tabUntil(page, async () => (await focused(page)) === 'canvas');
    const ring = await page.evaluate(() => {
      const c = (globalThis as any).document.querySelector('canvas');
      const s = (globalThis as any).getComputedStyle(c);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset) };
    });
    // The map hides what overflows it: an outline outside the canvas would not be seen.
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.offset).toBeLessThanOrEqual(-ring.width);
    await shot(page, 'keyboard-map-focused');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#details-title')?.textContent === 'Łódź');
    expect(await focused(page)).toBe('#details-title');
    await shot(page, 'keyboard-details-open');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#details .details-head') === null);
    expect((await state(page)).gmina).toBeNull();
    expect(await focused(page)).toBe('canvas');
    await page.close();
  });

  it('Close puts focus back on the legend entry that opened the details', async () => {
    const { page } = await openMap(browser, `${app.url}/`);
    const first = page.locator('#legend button.link').first();
    const name = (await first.textContent())!;
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (globalThis as any).document.querySelector('#details-title')?.textContent === n, name);
    await idle(page);
    // From the heading, Tab reaches Close; Enter on it closes.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.className)).toBe('close');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#details .details-head') === null);
    expect(await focused(page)).toBe(`button.link: ${name}`);
    await shot(page, 'focus-returned-legend');
    await page.close();
  });

  it('the table shows exactly the partnerships the map shows under a filter, sorts by each column with aria-sort, and its rows open details', async () => {
    const { page } = await openMap(browser, `${app.url}/`);
    await page.selectOption('#f-status', 'PARTICIPANT');
    await page.waitForFunction(() => (globalThis as any).__atlas.state().status === 'PARTICIPANT');
    await idle(page);
    await page.click('#btn-view-table');
    await page.waitForSelector('#table-view tbody tr');
    expect(page.url()).toContain('view=table');
    const shown: string[] = (await page.evaluate(() => (globalThis as any).__atlas.paint())).shown;
    const slugs = () => page.locator('#table-view tbody tr').evaluateAll((rows) => rows.map((r) => (r as any).dataset.slug as string));
    expect((await slugs()).sort()).toEqual([...shown].sort());
    expect(shown.length).toBeGreaterThan(3);
    expect(await page.getAttribute('#table-view th:has(button[data-column="name"])', 'aria-sort')).toBe('ascending');

    await page.click('button[data-column="members"]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('th:has(button[data-column="members"])')?.getAttribute('aria-sort') === 'descending');
    expect(await page.getAttribute('#table-view th:has(button[data-column="name"])', 'aria-sort')).toBe('none');
    expect(page.url()).toContain('sort=-members');
    expect(await focused(page)).toContain('button.sort');
    const members = await page.locator('#table-view tbody tr td.num:nth-of-type(3)').allInnerTexts();
    const counts = members.map((m) => Number(m.replace(/\D/g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await slugs()).sort()).toEqual([...shown].sort());
    await page.click('button[data-column="members"]');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('th:has(button[data-column="members"])')?.getAttribute('aria-sort') === 'ascending');
    await shot(page, 'table-sorted');

    const row = page.locator('#table-view tbody tr').first();
    const slug = (await row.getAttribute('data-slug'))!;
    await row.locator('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#details .details-head') !== null);
    expect((await state(page)).partnership).toBe(slug);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('#details .details-head') === null);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.closest('tr')?.dataset.slug)).toBe(slug);

    await page.click('#btn-view-map');
    expect(await page.isVisible('#table-view')).toBe(false);
    expect(page.url()).not.toContain('view=table');
    await page.close();
  });

  it('Escape closes the embed box and puts focus back on Embed', async () => {
    const { page } = await openMap(browser, `${app.url}/`);
    await page.focus('#btn-embed');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.share-output textarea');
    expect(await focused(page)).toContain('textarea');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('.share-output')).toBe(false);
    expect(await focused(page)).toBe('#btn-embed');
    await page.close();
  });

  it('the screen-reader summary speaks of the map view, and labels the national figure as national', async () => {
    const { page } = await openMap(browser, `${app.url}/`);
    await centreOn(page, LODZ);
    await page.waitForSelector('#coverage .coverage-summary');
    // The summary redraws with the map: one more move once the national figures are in.
    await page.evaluate(() => new Promise<void>((r) => { const map = (globalThis as any).__atlas.map; map.once('idle', () => r()); map.panBy([2, 2], { animate: false }); }));
    const lines = await page.locator('#sr-list p').allInnerTexts();
    expect(lines[0]).toMatch(/^W widoku mapy: \d+ partnerstw?a?o?, \d+ gmin[ay]? w pokazanych partnerstwach\.$/);
    expect(lines[1]).toMatch(/^Cała Polska \(liczba krajowa, nie tylko widok mapy\): \d+ z [\d\s\u00a0]+ gmin w partnerstwach\.$/);
    await page.close();
  });

  it('the table view opens from its URL with its sort', async () => {
    const { page } = await openMap(browser, `${app.url}/?view=table&sort=-area&lang=en`);
    await page.waitForSelector('#table-view tbody tr');
    expect(await page.getAttribute('#table-view th:has(button[data-column="area"])', 'aria-sort')).toBe('descending');
    expect(await page.getAttribute('#btn-view-table', 'aria-pressed')).toBe('true');
    await page.close();
  });

  it('at 390 px: map, legend, details, then filters; panels fold', async () => {
    const { page } = await openMap(browser, `${app.url}/?g=${LODZ}`, { width: 390, height: 844 });
    await page.waitForSelector('#details .details-head');
    const top = (sel: string) => page.locator(sel).evaluate((e) => (e as any).getBoundingClientRect().top as number);
    const order = [await top('#map'), await top('#legend'), await top('#details'), await top('#filters')];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(4);
    // Reading order is the visual order: the legend follows the map in the DOM too.
    const domOrder = await page.evaluate(() => [...(globalThis as any).document.querySelectorAll('#map, #legend, #details, #filters')].map((e: any) => e.id));
    expect(domOrder).toEqual(['map', 'legend', 'details', 'filters']);
    await page.screenshot({ path: path.join(SHOTS, 'access-390-order.png'), fullPage: true });
    const toggle = page.locator('.panel-toggle[aria-controls="filters"]');
    expect(await toggle.isVisible()).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.isVisible('#f-programme')).toBe(false);
    await toggle.click();
    expect(await page.isVisible('#f-programme')).toBe(true);
    await page.locator('.panel-toggle[aria-controls="legend"]').click();
    expect(await page.isVisible('#legend')).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'access-390-legend-folded.png'), fullPage: true });
    await page.close();
  });
});

/**
 * The map draws from the vector tiles (/tiles/*, docs/tiles.md), in real Chromium against the real
 * server on a fresh embedded database: no whole-country GeoJSON, no gaps in a shared link at z9,
 * and the drawn colours follow the filter and the selection. Needs `npm run web:build`.
 * Screenshots go to test-output/e2e/ (look at them).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { BACKGROUND } from '../../web/src/map/palette.js';
import { E2E_OUT, startBrowserTest, type BrowserTestSetup } from './browser.js';
import { blend, graphqlOperations, hexRgb, hideLabels, idle, openMap, readScreenshot, type Rgb } from './map-page.js';

const LODZ = '1061011';
/** A shared link as the share button writes it: around Łódź at zoom 9, every point of the view inside Poland. */
const SHARED_Z9 = '/?c=19.4561,51.7592&z=9.00';
/** fill-opacity of a gmina that is not hovered (web/src/map/style.ts). */
const FILL_OPACITY = 0.82;

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;

async function labelPoint(teryt: string): Promise<[number, number]> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query($t: String!) { jst(teryt: $t) { labelPoint } }', variables: { t: teryt } }),
  });
  return ((await res.json()) as { data: { jst: { labelPoint: [number, number] } } }).data.jst.labelPoint;
}

const tileRequests = (urls: string[], layer: string) => urls.filter((u) => new RegExp(`/tiles/${layer}/\\d+/\\d+/\\d+\\.mvt`).test(u));
const rendered = (page: Page): Promise<{ teryt: string; count: number; fill: string }[]> => page.evaluate(() => (globalThis as any).__atlas.renderedGminy());

/** The drawn colour at a gmina's label point, and the colour the colouring rules give it (blended as drawn). */
async function drawnAndExpected(page: Page, teryt: string, name: string): Promise<{ drawn: Rgb; expected: Rgb; count: number }> {
  // The gmina's name is drawn at its label point: hidden, so the probe reads the fill.
  await hideLabels(page);
  await idle(page);
  const [lng, lat] = await labelPoint(teryt);
  const pt = await page.evaluate(([x, y]) => (globalThis as any).__atlas.map.project([x, y]), [lng, lat]);
  const box = (await page.locator('#map canvas').boundingBox())!;
  const png = await page.screenshot({ path: path.join(E2E_OUT, `${name}.png`) });
  const { probes } = await readScreenshot(page, png, [[box.x + pt.x, box.y + pt.y]], hexRgb(BACKGROUND));
  const g = (await rendered(page)).find((x) => x.teryt === teryt)!;
  return { drawn: probes[0], expected: blend(hexRgb(g.fill), FILL_OPACITY, hexRgb(BACKGROUND)), count: g.count };
}

const close = (a: Rgb, b: Rgb) => a.every((c, i) => Math.abs(c - b[i]) <= 4);

describe('the map on vector tiles (browser)', () => {
  beforeAll(async () => {
    setup = await startBrowserTest('index.html');
    ({ app, browser } = setup);
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('the first view requests tiles, never the boundaries as GeoJSON', async () => {
    const { page, requests } = await openMap(browser, `${app.url}/`);
    const urls = requests.map((r) => r.url());
    for (const layer of ['gminy', 'powiaty', 'wojewodztwa', 'areas']) expect(urls).toContain(`${app.url}/tiles/${layer}.json`);
    expect(tileRequests(urls, 'gminy').length).toBeGreaterThan(0);
    expect(graphqlOperations(requests)).not.toContain('MapBoundaries');
    expect((await rendered(page)).length).toBeGreaterThan(2400);
    await page.close();
  });

  it('a shared link at z9 draws every gmina of the view at once, with no gaps', async () => {
    const { page, requests } = await openMap(browser, `${app.url}${SHARED_Z9}`);
    expect(await page.evaluate(() => (globalThis as any).__atlas.map.getZoom())).toBeCloseTo(9, 1);
    expect(tileRequests(requests.map((r) => r.url()), 'gminy').every((u) => /\/tiles\/gminy\/9\//.test(u))).toBe(true);
    expect(graphqlOperations(requests)).not.toContain('MapBoundaries');
    // Every point of a grid over the view lies in a drawn gmina.
    const misses: unknown[] = await page.evaluate(() => {
      const map = (globalThis as any).__atlas.map;
      const { width, height } = map.getCanvas().getBoundingClientRect();
      const out: unknown[] = [];
      for (let i = 0; i <= 20; i++) {
        for (let j = 0; j <= 12; j++) {
          const p = [5 + ((width - 10) * i) / 20, 5 + ((height - 10) * j) / 12];
          if (map.queryRenderedFeatures(p, { layers: ['gminy-fill'] }).length === 0) out.push(p);
        }
      }
      return out;
    });
    expect(misses).toEqual([]);
    // And no pixel of the map shows the background between gminy (the map's margins hold the controls).
    // Names are hidden: a label's halo blended over a fill may happen to match the background's colour.
    await hideLabels(page);
    await idle(page);
    const box = (await page.locator('#map canvas').boundingBox())!;
    const clip = { x: box.x + 10, y: box.y + 60, width: box.width - 80, height: box.height - 100 };
    const png = await page.screenshot({ path: path.join(E2E_OUT, '11-shared-z9.png'), clip });
    const { exactCount, pixels } = await readScreenshot(page, png, [], hexRgb(BACKGROUND));
    expect(pixels).toBeGreaterThan(100_000);
    expect(exactCount).toBe(0);
    await page.close();
  });

  it('the drawn colours follow the filter', async () => {
    const { page } = await openMap(browser, `${app.url}${SHARED_Z9}`);
    // A gmina in exactly one shown partnership (so its label point shows a plain fill, not hatching), well inside the view.
    let single: { teryt: string } | undefined;
    for (const g of (await rendered(page)).filter((x) => x.count === 1)) {
      const inside = await page.evaluate(([lng, lat]) => {
        const map = (globalThis as any).__atlas.map;
        const { width, height } = map.getCanvas().getBoundingClientRect();
        const p = map.project([lng, lat]);
        return p.x > 60 && p.x < width - 80 && p.y > 60 && p.y < height - 100;
      }, await labelPoint(g.teryt));
      if (inside) {
        single = g;
        break;
      }
    }
    if (!single) throw new Error('no gmina in exactly one partnership inside the view');
    const before = await drawnAndExpected(page, single.teryt, '12-filter-before');
    expect(close(before.drawn, before.expected)).toBe(true);
    expect(close(before.drawn, blend(hexRgb('#e4e4e4'), FILL_OPACITY, hexRgb(BACKGROUND)))).toBe(false);
    // A programme none of its partnerships took part in greys it out.
    const programmes: string[] = await page.$$eval('#f-programme option', (os) => os.map((o) => (o as any).value).filter(Boolean));
    let greyed = false;
    for (const code of programmes) {
      await page.selectOption('#f-programme', code);
      await page.waitForFunction((c) => (globalThis as any).__atlas.state().programme === c, code);
      const after = await drawnAndExpected(page, single.teryt, '13-filter-after');
      expect(close(after.drawn, after.expected)).toBe(true);
      if (after.count === 0) {
        greyed = true;
        break;
      }
    }
    expect(greyed).toBe(true);
    await page.close();
  });

  it('the województwo filter keeps the partnerships with a member there (the API decides)', async () => {
    const { page } = await openMap(browser, `${app.url}/`);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ partnerships(filter: { voivodeship: "10" }, first: 200) { edges { node { slug } } } }' }),
    });
    const expected = new Set(((await res.json()) as { data: { partnerships: { edges: { node: { slug: string } }[] } } }).data.partnerships.edges.map((e) => e.node.slug));
    await page.selectOption('#f-woj', '10');
    await page.waitForFunction(() => (globalThis as any).__atlas.state().voivodeship === '10');
    await page.waitForFunction((n) => Object.keys((globalThis as any).__atlas.paint().colours).length === n, expected.size);
    expect(new Set(Object.keys(await page.evaluate(() => (globalThis as any).__atlas.paint().colours)))).toEqual(expected);
    await idle(page);
    await page.close();
  });

  it('selecting a gmina outlines it from the tiles', async () => {
    const { page } = await openMap(browser, `${app.url}/?g=${LODZ}&c=19.4561,51.7592&z=9.00`);
    const selected: string[] = await page.evaluate(() =>
      (globalThis as any).__atlas.map.queryRenderedFeatures({ layers: ['gminy-selected'] }).map((f: any) => f.properties.teryt));
    expect(new Set(selected)).toEqual(new Set([LODZ]));
    await page.screenshot({ path: path.join(E2E_OUT, '14-gmina-selected.png') });
    await page.close();
  });
});

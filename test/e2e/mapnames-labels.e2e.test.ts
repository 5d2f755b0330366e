/**
 * Names on the map: unit and partnership labels from the `labels` tiles, drawn in the page from the
 * self-hosted Noto Sans (no glyph server), and the hover tooltip. Needs `npm run web:build` and
 * /usr/bin/chromium. Screenshots go to test-output/screenshots/mapnames-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { repoRoot } from '../../server/config.js';
import { startBrowserTest, type BrowserTestSetup } from './browser.js';
import { idle, openMap } from './map-page.js';

const SHOTS = path.join(repoRoot, 'test-output', 'screenshots');
const LABEL_LAYERS = ['labels-wojewodztwa', 'labels-powiaty', 'labels-gminy', 'labels-partnerships'];

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;

const shot = (page: Page, state: string) => page.screenshot({ path: path.join(SHOTS, `mapnames-${state}.png`) });

/** Labels MapLibre placed on screen now (dropped ones in a collision are not returned), by layer. */
const placedLabels = (page: Page): Promise<Record<string, string[]>> =>
  page.evaluate((layers) => {
    const map = (globalThis as any).__atlas.map;
    const out: Record<string, string[]> = {};
    for (const layer of layers) out[layer] = [...new Set<string>(map.queryRenderedFeatures({ layers: [layer] }).map((f: any) => f.properties.name))];
    return out;
  }, LABEL_LAYERS);

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('names on the map (browser)', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startBrowserTest('index.html');
    ({ app, browser } = setup);
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('names województwa and partnerships at z6, from our own font files only', async () => {
    const { page, requests } = await openMap(browser, `${app.url}/?c=19.6,51.4&z=6.3`);
    const labels = await placedLabels(page);
    await shot(page, 'z6-labels');
    const voivodeships = labels['labels-wojewodztwa']!.map((n) => n.toLocaleLowerCase('pl'));
    expect(voivodeships).toEqual(expect.arrayContaining(['łódzkie', 'świętokrzyskie']));
    expect(labels['labels-partnerships']!.length).toBeGreaterThan(3);
    expect(labels['labels-gminy']).toEqual([]);
    // Glyphs come from the page's own woff2 files (latin-ext holds the Polish letters), never from another host.
    const urls = requests.map((r) => new URL(r.url()));
    expect(urls.filter((u) => u.origin !== new URL(app.url).origin && u.protocol.startsWith('http'))).toEqual([]);
    // One file, asked for by the early prefetch and by MapLibre (the second answered by the HTTP cache).
    const latinExt = urls.filter((u) => /noto-sans-latin-ext-400-normal.*\.woff2$/.test(u.pathname)).map((u) => u.href);
    expect(latinExt.length).toBeGreaterThanOrEqual(1);
    expect(new Set(latinExt).size).toBe(1);
    expect(urls.filter((u) => /\/fonts\/|glyphs|\.pbf$/.test(u.pathname))).toEqual([]);
    // MapLibre drew with the faces the style declares (no glyphs URL): it registers each as a FontFace of its own.
    const drawnWith = await page.evaluate(() => {
      const style = (globalThis as any).__atlas.map.getStyle();
      const faces = [...(globalThis as any).document.fonts].filter((f: any) => f.family.startsWith('maplibre-gl-font-face') && f.status === 'loaded');
      return { glyphs: style.glyphs ?? null, declared: Object.keys(style['font-faces'] ?? {}), loaded: faces.length };
    });
    expect(drawnWith).toEqual({ glyphs: null, declared: ['Noto Sans Regular', 'Noto Sans Bold'], loaded: expect.any(Number) });
    expect(drawnWith.loaded).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('names gminy (Łódź among them) at z9', async () => {
    const { page } = await openMap(browser, `${app.url}/?c=19.4561,51.7592&z=9.2`);
    // Symbol placement settles over a few frames after the tiles are idle.
    await page.waitForFunction(() => (globalThis as any).__atlas.map.queryRenderedFeatures({ layers: ['labels-gminy'] }).some((f: any) => f.properties.name === 'Łódź'), null, { timeout: 10_000 }).catch(() => undefined);
    const labels = await placedLabels(page);
    await shot(page, 'z9-labels');
    expect(labels['labels-gminy']).toContain('Łódź');
    expect(labels['labels-gminy']!.length).toBeGreaterThan(15);
    expect(labels['labels-wojewodztwa']).toEqual([]);
    await page.close();
  });

  it('shows only the shown partnerships’ names', async () => {
    const { page } = await openMap(browser, `${app.url}/?c=19.6,51.4&z=6.3`);
    const before = (await placedLabels(page))['labels-partnerships']!;
    const { programmes } = await gql<{ programmes: { code: string }[] }>('{ programmes { code } }');
    await page.selectOption('#f-programme', programmes[0]!.code);
    await page.waitForFunction((c) => (globalThis as any).__atlas.state().programme === c, programmes[0]!.code);
    await idle(page);
    const after = await page.evaluate(() => {
      const atlas = (globalThis as any).__atlas;
      const slugs: string[] = atlas.map.queryRenderedFeatures({ layers: ['labels-partnerships'] }).map((f: any) => f.properties.slug);
      return { slugs, hidden: slugs.filter((s) => !(s in atlas.paint().colours)) };
    });
    expect(after.hidden).toEqual([]);
    expect(after.slugs.length).toBeLessThan(before.length);
    await page.close();
  });
});

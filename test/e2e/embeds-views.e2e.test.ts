/**
 * Embeds that stand alone and what a view gives to take away, in Chromium against the real server on
 * a fresh embedded database: the embed at 300×250 and 800×500 (title, folding legend with full names,
 * source and date), details over the embed that keep its selection, "Download this view" with exactly
 * the view's filters, and "Save image". Screenshots: test-output/screenshots/embeds-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { repoRoot } from '../../server/config.js';
import { FOOTER_BAND, TITLE_BAND } from '../../web/src/ui/image-layout.js';
import { startBrowserTest, type BrowserTestSetup } from './browser.js';
import { hexRgb, idle, openMap, postQuery } from './map-page.js';

const SHOTS = path.join(repoRoot, 'test-output', 'screenshots');
const LOM = 'lodzki-obszar-metropolitalny';
const LODZ = '1061011';
const TITLE = 'Partnerstwa wokół Łodzi <i>2026</i>';

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;

const gql = <T>(query: string, variables: Record<string, unknown> = {}) => postQuery<T>(app.url, query, variables);

const open = async (urlPath: string, viewport: { width: number; height: number }) => (await openMap(browser, `${app.url}${urlPath}`, viewport)).page;
const shot = (page: Page, state: string) => page.screenshot({ path: path.join(SHOTS, `embeds-${state}.png`) });
const state = (page: Page) => page.evaluate(() => (globalThis as any).__atlas.state());
const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;
const partnershipName = async (slug: string) => (await gql<{ partnership: { name: string; shortName: string | null } }>(`query($s: String!) { partnership(slug: $s) { name shortName } }`, { s: slug })).partnership;

/** Clicks the map at a [lng, lat] point. */
async function clickAt(page: Page, lngLat: [number, number]): Promise<void> {
  const canvas = await box(page, '#map canvas');
  const pt = await page.evaluate((ll) => (globalThis as any).__atlas.map.project(ll), lngLat);
  await page.mouse.click(canvas.x + pt.x, canvas.y + pt.y);
}

/** The file a click on `selector` downloads. */
async function download(page: Page, selector: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { file, bytes: readFileSync((await file.path())!) };
}

describe('embeds and take-away (browser)', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startBrowserTest('index.html');
    ({ app, browser } = setup);
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('at 300×250 shows the title, folds the legend, and keeps title, map and footer apart', async () => {
    const page = await open(`/embed?p=${LOM}&title=${encodeURIComponent(TITLE)}`, { width: 300, height: 250 });
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.embed-footer')?.textContent.includes('stan danych'));
    expect(await page.textContent('h1.embed-title')).toBe(TITLE);
    expect(await page.getAttribute('.legend-toggle', 'aria-expanded')).toBe('false');
    expect(await page.locator('#embed-legend-body').isVisible()).toBe(false);
    const footer = (await page.textContent('.embed-footer'))!;
    expect(footer).toContain('Atlas Partnerstw, dane: CC BY 4.0; granice: PRG (GUGiK); kody TERC: GUS');
    expect(footer).toMatch(/stan danych: \d{1,2} \p{L}+ \d{4}/u);
    const [title, stage, foot, toggle] = [await box(page, 'h1.embed-title'), await box(page, '.embed-stage'), await box(page, '.embed-footer'), await box(page, '.legend-toggle')];
    expect(title.y + title.height).toBeLessThanOrEqual(stage.y + 0.5);
    expect(stage.y + stage.height).toBeLessThanOrEqual(foot.y + 0.5);
    expect(foot.y + foot.height).toBeLessThanOrEqual(250.5);
    // The map keeps most of the frame; the folded legend is one button inside it.
    expect(stage.height).toBeGreaterThan(140);
    expect(toggle.y).toBeGreaterThanOrEqual(stage.y);
    expect(toggle.y + toggle.height).toBeLessThanOrEqual(stage.y + stage.height);
    await shot(page, '300x250-folded');
    await page.click('.legend-toggle');
    expect(await page.getAttribute('.legend-toggle', 'aria-expanded')).toBe('true');
    expect(await page.locator('#legend li').first().isVisible()).toBe(true);
    const legend = await box(page, '.embed-legend');
    expect(legend.y).toBeGreaterThanOrEqual(stage.y - 0.5);
    expect(legend.y + legend.height).toBeLessThanOrEqual(stage.y + stage.height + 0.5);
    await shot(page, '300x250-legend-open');
    await page.click('.legend-toggle');
    expect(await page.locator('#embed-legend-body').isVisible()).toBe(false);
    await page.close();
  });

  it('at 800×500 shows the legend open, with full names, and the take-away links', async () => {
    const page = await open(`/embed?p=${LOM}`, { width: 800, height: 500 });
    expect(await page.locator('h1.embed-title').isVisible()).toBe(false);
    expect(await page.getAttribute('.legend-toggle', 'aria-expanded')).toBe('true');
    const { name, shortName } = await partnershipName(LOM);
    expect(shortName).toBeTruthy();
    const first = (await page.textContent('#legend li button'))!;
    expect(first).toBe(name);
    expect(await page.locator('.embed-takeaway a[data-download="csv"]').isVisible()).toBe(true);
    expect(await page.locator('.embed-takeaway #btn-save-image').isVisible()).toBe(true);
    await shot(page, '800x500');
    await page.close();
    // The embed's own words in English.
    const en = await open(`/embed?p=${LOM}&lang=en`, { width: 800, height: 500 });
    await en.waitForFunction(() => (globalThis as any).document.querySelector('.embed-footer')?.textContent.includes('data as of'));
    expect(await en.textContent('.legend-toggle')).toBe('Hide legend');
    expect(await en.textContent('.embed-footer')).toMatch(/Atlas Partnerstw, data: CC BY 4\.0; .* · data as of \d{1,2} [A-Z][a-z]+ \d{4} · Open the full view$/);
    expect(await en.textContent('.embed-takeaway')).toContain('Save image');
    await shot(en, '800x500-en');
    await en.close();
  });

  it('a click in an embed shows details over the map; closing returns to the embedded selection', async () => {
    const page = await open(`/embed?p=${LOM}&title=${encodeURIComponent(TITLE)}`, { width: 800, height: 500 });
    const before = { url: page.url(), state: await state(page), full: await page.getAttribute('.embed-footer a', 'href') };
    const { jst } = await gql<{ jst: { labelPoint: [number, number] } }>(`query($t: String!) { jst(teryt: $t) { labelPoint } }`, { t: LODZ });
    await clickAt(page, jst.labelPoint);
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.embed-details #details-title')?.textContent === 'Łódź');
    expect(await page.locator('.embed-details').isVisible()).toBe(true);
    expect(await page.textContent('.embed-details')).toContain((await partnershipName(LOM)).name);
    expect(await state(page)).toEqual(before.state);
    expect(page.url()).toBe(before.url);
    await shot(page, 'click-details');
    // A partnership from the details opens in the same panel, still without touching the view.
    await page.locator('.embed-details .partnership-list button').first().click();
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.embed-details #details-title')?.textContent !== 'Łódź');
    expect(await state(page)).toEqual(before.state);
    await page.keyboard.press('Escape');
    expect(await page.locator('.embed-details').isVisible()).toBe(false);
    // Enter on the focused map opens the gmina at its centre the same way.
    await page.focus('#map canvas');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.embed-details #details-title');
    expect(await state(page)).toEqual(before.state);
    await page.click('.embed-back');
    expect(await page.locator('.embed-details').isVisible()).toBe(false);
    expect(await state(page)).toEqual(before.state);
    expect(page.url()).toBe(before.url);
    expect(await page.getAttribute('.embed-footer a', 'href')).toBe(before.full);
    await idle(page);
    expect(await page.evaluate(() => (globalThis as any).__atlas.renderedAreas('areas-selected'))).toContain(LOM);
    await shot(page, 'click-closed');
    await page.close();
  });

  it('"Download this view" links carry exactly the view\'s filters, and the files hold the partnerships the map shows', async () => {
    const page = await open('/?prog=CWD-PLUS&status=PARTICIPANT', { width: 1200, height: 800 });
    await page.click('#btn-download');
    const csvHref = (await page.getAttribute('.share-output a[data-download="csv"]', 'href'))!;
    const filter = { programme: 'CWD-PLUS', statuses: ['PARTICIPANT'] };
    expect(JSON.parse(new URL(csvHref, app.url).searchParams.get('filter')!)).toEqual(filter);
    expect(new URL((await page.getAttribute('.share-output a[data-download="csv-excel"]', 'href'))!, app.url).searchParams.get('excel')).toBe('pl');
    const shown: string[] = (await page.evaluate(() => (globalThis as any).__atlas.paint())).shown;
    expect(shown.length).toBeGreaterThan(5);
    const { partnerships } = await gql<{ partnerships: { edges: { node: { slug: string; members: unknown[] } }[] } }>(
      `query($f: PartnershipFilter) { partnerships(filter: $f, first: 200) { edges { node { slug members { role } } } } }`, { f: filter });
    expect(partnerships.edges.map((e) => e.node.slug).sort()).toEqual([...shown].sort());
    await shot(page, 'download-links');

    const geo = await download(page, '.share-output a[data-download="geojson"]');
    expect(geo.file.suggestedFilename()).toBe('partnerships.geojson');
    const fc = JSON.parse(geo.bytes.toString('utf8')) as { features: { properties: { slug: string } }[] };
    expect(fc.features.map((f) => f.properties.slug).sort()).toEqual([...shown].sort());
    const csv = await download(page, '.share-output a[data-download="csv"]');
    const [header, ...rows] = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header!.split(',')[0]).toBe('partnership');
    const withMembers = partnerships.edges.filter((e) => e.node.members.length > 0).map((e) => e.node.slug).sort();
    expect([...new Set(rows.map((r) => r.split(',')[0]!))].sort()).toEqual(withMembers);
    // The links follow a filter change while open.
    await page.selectOption('#f-status', '');
    await page.waitForFunction(() => !(globalThis as any).document.querySelector('.share-output a[data-download="csv"]').href.includes('statuses'));
    await page.close();
  });

  /** Width, height from a PNG's IHDR; the share of dark pixels in the rows [top, bottom) and the colour at a point, decoded in the page. */
  async function readPng(page: Page, png: Buffer, band: [number, number], at: [number, number]) {
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    const pixels = await page.evaluate(async ({ b64, band, at }) => {
      const img = new (globalThis as any).Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = (globalThis as any).document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const rows = ctx.getImageData(0, band[0], img.width, band[1] - band[0]).data;
      let dark = 0;
      for (let i = 0; i < rows.length; i += 4) if (rows[i] + rows[i + 1] + rows[i + 2] < 300) dark += 1;
      return { dark, colour: Array.from(ctx.getImageData(at[0], at[1], 1, 1).data).slice(0, 3) as number[] };
    }, { b64: png.toString('base64'), band, at });
    return { ...size, ...pixels };
  }

  it('"Save image" gives a PNG of the map with title band, legend and footer, at the map\'s pixel size', async () => {
    for (const [where, url, viewport, button] of [
      ['full', `/?p=${LOM}`, { width: 1100, height: 700 }, 'header #btn-save-image'],
      ['embed', `/embed?p=${LOM}&title=${encodeURIComponent(TITLE)}`, { width: 800, height: 500 }, '.embed-takeaway #btn-save-image'],
    ] as const) {
      const page = await open(url, viewport);
      const canvas = await box(page, '#map canvas');
      const legendColour: string = await page.evaluate((slug) => (globalThis as any).__atlas.paint().colours[slug], LOM);
      const png = await download(page, button);
      expect(png.file.suggestedFilename()).toMatch(/^atlas-partnerstw-\d{4}-\d{2}-\d{2}\.png$/);
      // The first legend swatch: 16..34 px across, 2 px into the first 18 px row, 8+5 px below the map's top.
      const image = await readPng(page, png.bytes, [0, TITLE_BAND], [25, TITLE_BAND + 13 + 8]);
      expect([where, image.width, image.height]).toEqual([where, Math.round(canvas.width), Math.round(canvas.height + TITLE_BAND + FOOTER_BAND)]);
      // Title text in the title band (white background otherwise), the selection's colour in the legend.
      expect(image.dark).toBeGreaterThan(200);
      expect(image.colour).toEqual(hexRgb(legendColour));
      const footer = await readPng(page, png.bytes, [image.height - FOOTER_BAND, image.height], [0, 0]);
      expect(footer.dark).toBeGreaterThan(100);
      await page.setContent(`<img src="data:image/png;base64,${png.bytes.toString('base64')}">`);
      await page.setViewportSize({ width: image.width, height: image.height });
      await shot(page, `saved-image-${where}`);
      await page.close();
    }
  });

  it('"Embed" gives a snippet with the optional title, and the page it frames previews with Open Graph tags', async () => {
    const page = await open(`/?p=${LOM}`, { width: 1200, height: 800 });
    await page.click('#btn-embed');
    await page.fill('#embed-title-input', 'Moja mapa "ŁOM"');
    const snippet = await page.inputValue('textarea.embed-code');
    const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&amp;/g, '&');
    expect(new URL(src).pathname).toBe('/embed');
    expect(new URL(src).searchParams.get('title')).toBe('Moja mapa "ŁOM"');
    expect(snippet).toContain('title="Moja mapa &quot;ŁOM&quot;"');
    await shot(page, 'embed-snippet');
    await page.close();
    const html = await (await fetch(src)).text();
    expect(html).toContain('<meta property="og:title" content="Moja mapa &quot;ŁOM&quot;" />');
    const named = await (await fetch(`${app.url}/embed?p=${LOM}`)).text();
    expect(named).toContain(`<meta property="og:title" content="${(await partnershipName(LOM)).name} — Atlas Partnerstw" />`);
    expect(named).toContain('<link rel="alternate" type="application/json+oembed"');
  });

  it('the embed\'s own parts (title, legend, take-away, footer, details) pass axe', async () => {
    const page = await open(`/embed?p=${LOM}&title=${encodeURIComponent(TITLE)}`, { width: 800, height: 500 });
    const { jst } = await gql<{ jst: { labelPoint: [number, number] } }>(`query($t: String!) { jst(teryt: $t) { labelPoint } }`, { t: LODZ });
    await clickAt(page, jst.labelPoint);
    await page.waitForSelector('.embed-details #details-title');
    // Evaluated rather than added as a <script>: the app's CSP allows no inline scripts.
    await page.evaluate(readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const context = { include: [['h1.embed-title'], ['.embed-legend'], ['.embed-footer'], ['.embed-details']] };
      const result = await (globalThis as any).axe.run(context);
      return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});

/**
 * Colours that identify: a partnership keeps its colour across filters and page loads, neighbours
 * differ, count mode paints 1, 2 and 3+ partnerships apart, identity mode hatches 2 and 3+ apart,
 * and the tooltip names a gmina's partnerships. Needs `npm run web:build` and /usr/bin/chromium.
 * Screenshots go to test-output/screenshots/mapnames-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { repoRoot } from '../../server/config.js';
import type { Em } from '../../server/db/orm.js';
import { CREATE, members, SRC } from '../support/editing-fixtures.js';
import { BACKGROUND, PARTNERSHIP_PALETTE } from '../../web/src/map/palette.js';
import { countFill } from '../../web/src/map/tile-paint.js';
import { startBrowserTest, type BrowserTestSetup } from './browser.js';
import { blend, darkPixels, hexRgb, hideLabels, idle, openMap, readScreenshot, type Rgb } from './map-page.js';

const SHOTS = path.join(repoRoot, 'test-output', 'screenshots');
/** fill-opacity of a gmina that is not hovered (web/src/map/style.ts). */
const FILL_OPACITY = 0.82;
const LODZKI = 'lodzki-obszar-metropolitalny';
const KUTNO = 'miedzy-kutnem-a-leczyca';

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const shot = (page: Page, state: string) => page.screenshot({ path: path.join(SHOTS, `mapnames-${state}.png`) });
const colours = (page: Page): Promise<Record<string, string>> => page.evaluate(() => (globalThis as any).__atlas.paint().colours);
const rendered = (page: Page): Promise<{ teryt: string; name: string; count: number; shown: string[] }[]> => page.evaluate(() => (globalThis as any).__atlas.renderedGminy());
const labelPoint = async (teryt: string) => (await gql<{ jst: { labelPoint: [number, number] } }>('query($t: String!) { jst(teryt: $t) { labelPoint } }', { t: teryt })).jst.labelPoint;
const close = (a: Rgb, b: Rgb) => a.every((c, i) => Math.abs(c - b[i]!) <= 4);

/** Centres the map on a gmina's label point at `zoom`, and returns that point in page pixels. */
async function centreOn(page: Page, teryt: string, zoom: number): Promise<[number, number]> {
  const [lng, lat] = await labelPoint(teryt);
  await page.evaluate(({ lng, lat, zoom }) => (globalThis as any).__atlas.map.jumpTo({ center: [lng, lat], zoom }), { lng, lat, zoom });
  await idle(page);
  const box = (await page.locator('#map canvas').boundingBox())!;
  const pt = await page.evaluate(([x, y]) => (globalThis as any).__atlas.map.project([x, y]), [lng, lat]);
  return [box.x + pt.x, box.y + pt.y];
}

describe('colours that identify (browser)', () => {
  /** One gmina (TERYT) in exactly 1, 2 and 3+ partnerships, found in the whole-country view. */
  const byCount = new Map<number, string>();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    setup = await startBrowserTest('index.html');
    ({ app, browser } = setup);
    // No gmina of the seed is in more than two partnerships: a test partnership of Długołęka and Czernica
    // (each already in two, around Wrocław) makes them three, written through the API as an editor would.
    const admin = (await new TokenService(app.orm.em.fork() as Em).create('mapnames test', Role.ADMIN, null)).secret;
    await gql(CREATE, { input: { slug: 'test-trzecie-partnerstwo', name: 'Trzecie partnerstwo (test)', sources: SRC, voivodeships: ['02'], members: members('0223022', '0223012'), leader: '0223022' } }, admin);
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('keeps each partnership’s colour when the filters change and across page loads', async () => {
    const { page } = await openMap(browser, `${app.url}/`);
    const all = await colours(page);
    expect(Object.keys(all).length).toBeGreaterThan(40);
    // The palette is used widely, not just its first colours.
    expect(new Set(Object.values(all)).size).toBe(PARTNERSHIP_PALETTE.length);
    for (const g of await rendered(page)) if (!byCount.has(Math.min(g.count, 3))) byCount.set(Math.min(g.count, 3), g.teryt);
    const { programmes } = await gql<{ programmes: { code: string }[] }>('{ programmes { code } }');
    let compared = 0;
    for (const code of programmes.map((p) => p.code)) {
      for (const status of ['', 'GRANTEE', 'APPLICANT']) {
        await page.selectOption('#f-programme', code);
        await page.selectOption('#f-status', status);
        await page.waitForFunction(([c, s]) => { const st = (globalThis as any).__atlas.state(); return st.programme === c && (st.status ?? '') === s; }, [code, status]);
        await idle(page);
        const subset = await colours(page);
        for (const [slug, colour] of Object.entries(subset)) expect([slug, colour]).toEqual([slug, all[slug]]);
        compared += Object.keys(subset).length;
      }
    }
    expect(compared).toBeGreaterThan(20);
    await shot(page, 'filtered');
    await page.close();
    const again = await openMap(browser, `${app.url}/`);
    expect(await colours(again.page)).toEqual(all);
    await again.page.close();
  });

  it('never gives neighbouring partnerships one colour (Łódzki OM and Kutno–Łęczyca differ)', async () => {
    const { mapColours } = await gql<{ mapColours: { slug: string; neighbours: string[] }[] }>('{ mapColours { slug neighbours } }');
    const { page } = await openMap(browser, `${app.url}/?c=19.3,52.0&z=7.5`);
    const drawn = await colours(page);
    await shot(page, 'neighbours');
    expect(mapColours.find((c) => c.slug === LODZKI)!.neighbours).toContain(KUTNO);
    expect(drawn[LODZKI]).toBeDefined();
    expect(drawn[LODZKI]).not.toBe(drawn[KUTNO]);
    let pairs = 0;
    for (const c of mapColours) {
      for (const n of c.neighbours) {
        expect([c.slug, n, drawn[c.slug]]).not.toEqual([c.slug, n, drawn[n]]);
        pairs += 1;
      }
    }
    expect(pairs).toBeGreaterThan(20);
    await page.close();
  });

  it('count mode paints gminy in 1, 2 and 3+ partnerships apart, and is in the URL', async () => {
    expect([...byCount.keys()].sort()).toEqual([0, 1, 2, 3]);
    const { page } = await openMap(browser, `${app.url}/`);
    await page.getByLabel(/liczba partnerstw/).check();
    await page.waitForFunction(() => (globalThis as any).__atlas.query().includes('mode=count'));
    expect(new URL(page.url()).searchParams.get('mode')).toBe('count');
    await idle(page);
    await shot(page, 'count-mode');
    await hideLabels(page);
    const drawn: Rgb[] = [];
    for (const n of [1, 2, 3]) {
      const pt = await centreOn(page, byCount.get(n)!, 9);
      const png = await page.screenshot({ path: path.join(SHOTS, `mapnames-count-${n}.png`) });
      const [got] = (await readScreenshot(page, png, [pt], hexRgb(BACKGROUND))).probes;
      expect(close(got!, blend(hexRgb(countFill(n)), FILL_OPACITY, hexRgb(BACKGROUND)))).toBe(true);
      drawn.push(got!);
    }
    expect(new Set(drawn.map((c) => c.join())).size).toBe(3);
    await page.close();
    // The link keeps the mode.
    const linked = await openMap(browser, `${app.url}/?mode=count`);
    expect(await linked.page.getByLabel(/liczba partnerstw/).isChecked()).toBe(true);
    await linked.page.close();
  });

  it('identity mode hatches 3+ partnerships visibly denser than 2', async () => {
    const { page } = await openMap(browser, `${app.url}/`);
    await hideLabels(page);
    const dark = new Map<number, number>();
    for (const n of [1, 2, 3]) {
      const pt = await centreOn(page, byCount.get(n)!, 10);
      const png = await page.screenshot({ path: path.join(SHOTS, `mapnames-identity-${n}.png`) });
      dark.set(n, await darkPixels(page, png, pt, 6));
    }
    expect(dark.get(1)).toBe(0);
    expect(dark.get(2)).toBeGreaterThan(15);
    expect(dark.get(3)!).toBeGreaterThan(dark.get(2)! * 1.4);
    await page.close();
  });

  it('the tooltip names the gmina under the pointer and its partnerships (names, not slugs)', async () => {
    const teryt = byCount.get(3)!;
    const { jst } = await gql<{ jst: { name: string; memberships: { partnership: { slug: string; name: string } }[]; parent: { memberships: { partnership: { slug: string; name: string } }[] } | null } }>(
      'query($t: String!) { jst(teryt: $t) { name memberships { partnership { slug name } } parent { memberships { partnership { slug name } } } } }', { t: teryt });
    const partnerships = [...jst.memberships, ...(jst.parent?.memberships ?? [])].map((m) => m.partnership);
    const { page } = await openMap(browser, `${app.url}/`);
    const [x, y] = await centreOn(page, teryt, 9);
    await page.mouse.move(x, y);
    const tooltip = page.locator('#map-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const text = (await tooltip.textContent())!;
    await shot(page, 'tooltip');
    expect(text).toContain(jst.name);
    for (const p of partnerships) {
      expect(text).toContain(p.name);
      expect(text).not.toContain(p.slug);
    }
    await page.mouse.move(2, 2);
    await tooltip.waitFor({ state: 'hidden' });
    // Without a mouse: the focused map describes the gmina at its centre, and follows the arrow keys.
    await page.keyboard.press('Tab');
    // The side panel (filters, time controls, legend) comes first in Tab order on a wide screen.
    for (let i = 0; i < 40 && !(await page.evaluate(() => (globalThis as any).document.activeElement?.classList.contains('maplibregl-canvas'))); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowLeft');
    await tooltip.waitFor({ state: 'visible' });
    await shot(page, 'tooltip-keyboard');
    expect(await tooltip.textContent()).toMatch(/gmina|miasto/);
    await page.close();
  });
});

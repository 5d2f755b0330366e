/**
 * The map's time controls in Chromium against the real server: the date control ("Stan na dzień")
 * shows KZK GOP as of 2015-06-01 and not today, the period switch of ZIT shows the members of
 * 2014–2020 (Aglomeracja Wałbrzyska 22, not 28), and the changes view lists Błażowa and Hyżne
 * joining in 2021–2022 and outlines them on the map; the table view and an embed's details follow the day; bad time values in the URL
 * go to the notice.
 * One server and one browser for the file. Needs `npm run web:build`. Screenshots:
 * test-output/screenshots/timemap-*.png.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { query } from '../../server/db/sql.js';
import type { Em } from '../../server/db/orm.js';
import { idle, openMap, postQuery } from './map-page.js';
import { hookState, SHOTS, useMapBrowser } from './flow-page.js';

/** Dates the assertions rest on, from the sources (issue 12): KZK GOP ended on 1.01.2019; ZIT 2014–2020 ran 2014–2020. */
const FIXTURE = [
  `update partnership set started = coalesce(started, '1991'), ended = '2019-01-01', end_reason = 'REPLACED' where slug = 'kzk-gop'`,
  `update programme set start_date = coalesce(start_date, '2014'), end_date = coalesce(end_date, '2020') where code = 'ZIT-2014-2020'`,
];
const AW = 'aglomeracja-walbrzyska';
const ROF = 'rzeszowski-obszar-funkcjonalny';

async function shot(page: Page, state: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `timemap-${state}.png`) });
}

/** Gminy drawn now that the map colours for `slug` (the whole country is in view). */
const gminyOf = async (page: Page, slug: string): Promise<number> =>
  (await page.evaluate(() => (globalThis as any).__atlas.renderedGminy() as { shown: string[] }[])).filter((g) => g.shown.includes(slug)).length;

/** Waits until the state says `check` and the map has drawn the tiles of that time. */
async function settle(page: Page, check: (state: any) => boolean): Promise<void> {
  await page.waitForFunction(`(${check.toString()})(globalThis.__atlas.state())`);
  await page.waitForTimeout(300);
  await idle(page);
}

describe('timemap: the date control, the period switch and the changes view (browser)', () => {
  const setup = useMapBrowser();
  beforeAll(async () => {
    for (const sql of FIXTURE) await query(setup.app.orm.em.fork() as Em, sql);
  });
  const open = async (urlPath: string): Promise<Page> => (await openMap(setup.browser, `${setup.app.url}${urlPath}`)).page;

  it('as of 2015-06-01 KZK GOP colours its members; today it does not; the date is kept in the URL', async () => {
    const page = await open('/');
    expect(await gminyOf(page, 'kzk-gop')).toBe(0);
    await shot(page, 'today');
    await page.fill('#f-asof', '2015-06-01');
    await settle(page, (s) => s.asOf === '2015-06-01');
    await page.waitForFunction(() => (globalThis as any).__atlas.renderedGminy().some((g: { shown: string[] }) => g.shown.includes('kzk-gop')), null, { timeout: 60_000 });
    expect(await gminyOf(page, 'kzk-gop')).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2015-06-01');
    await shot(page, 'asof-2015');
    await page.click('#btn-today');
    await settle(page, (s) => !s.asOf);
    await page.waitForFunction(() => !(globalThis as any).__atlas.renderedGminy().some((g: { shown: string[] }) => g.shown.includes('kzk-gop')), null, { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.has('asOf')).toBe(false);
    await page.close();
  });

  it('the table view follows the day: ROF has two members more on 2021-11-18 than on 2021-11-16 (Błażowa and Hyżne)', async () => {
    // The same partnerships run on both days, so only the figures tell the table that the day moved.
    const page = await open('/?view=table&lang=en&asOf=2021-11-16');
    const members = `#table-view tr[data-slug="${ROF}"] td.num:nth-of-type(3)`;
    await page.waitForSelector(members);
    const before = Number(await page.innerText(members));
    await page.fill('#f-asof', '2021-11-18');
    await settle(page, (s) => s.asOf === '2021-11-18');
    await page.waitForFunction(([selector, want]) => (globalThis as any).document.querySelector(selector as string)?.textContent === want, [members, String(before + 2)], { timeout: 60_000 });
    await page.close();
  });

  it('an embed of a past day details that day: a KZK GOP gmina clicked in a 2015 embed lists KZK GOP', async () => {
    const { partnership } = await postQuery<{ partnership: { name: string; members: { jst: { teryt: string; name: string; labelPoint: [number, number] } }[] } }>(
      setup.app.url,
      `{ partnership(slug: "kzk-gop", asOf: "2015-06-01") { name members { jst { teryt name labelPoint } } } }`,
    );
    const gmina = (partnership.members.find((m) => m.jst.name === 'Katowice') ?? partnership.members[0]!).jst;
    const { page } = await openMap(setup.browser, `${setup.app.url}/embed?p=kzk-gop&asOf=2015-06-01&lang=en`, { width: 800, height: 500 });
    const canvas = (await page.locator('#map canvas').boundingBox())!;
    const pt = await page.evaluate((ll) => (globalThis as any).__atlas.map.project(ll), gmina.labelPoint);
    await page.mouse.click(canvas.x + pt.x, canvas.y + pt.y);
    await page.waitForFunction((name) => (globalThis as any).document.querySelector('.embed-details #details-title')?.textContent === name, gmina.name);
    await page.waitForFunction((name) => (globalThis as any).document.querySelector('.embed-details')?.textContent?.includes(name), partnership.name, { timeout: 10_000 });
    await page.close();
  });

  it('the ZIT period switch: 2014–2020 shows the 22 members of Aglomeracja Wałbrzyska then, 2021–2027 all 28', async () => {
    const page = await open('/?prog=ZIT-2021-2027');
    expect(await gminyOf(page, AW)).toBe(28);
    await page.selectOption('#f-period', 'ZIT-2014-2020');
    await settle(page, (s) => s.programme === 'ZIT-2014-2020');
    await page.waitForFunction((slug) => (globalThis as any).__atlas.renderedGminy().filter((g: { shown: string[] }) => g.shown.includes(slug)).length === 22, AW, { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('prog')).toBe('ZIT-2014-2020');
    await shot(page, 'period-zit-2014-2020');
    await page.close();
  });

  it('the changes view lists Błażowa and Hyżne joining in 2021–2022, with sources, and outlines them', async () => {
    const page = await open('/');
    await page.fill('#f-changes-from', '2021-01-01');
    await page.fill('#f-changes-to', '2022-12-31');
    await page.click('#btn-changes');
    await page.waitForSelector('.changes-list.joined', { timeout: 60_000 });
    const joined = await page.textContent('.changes-list.joined');
    expect(joined).toContain('Błażowa');
    expect(joined).toContain('Hyżne');
    expect((await hookState(page)).changes).toEqual({ from: '2021-01-01', to: '2022-12-31' });
    const outlined = await page.evaluate(() => JSON.stringify((globalThis as any).__atlas.map.getFilter('gminy-changes')));
    expect(outlined).toContain('1816023');
    await idle(page);
    await shot(page, 'changes-2021-2022');
    await page.close();
  });

  it('bad time values in the URL are listed in the notice and dropped', async () => {
    const page = await open('/?asOf=2015-02-30&from=2022-01-01&to=2021-01-01');
    const notice = await page.textContent('.url-notice');
    expect(notice).toContain('asOf=2015-02-30');
    expect(notice).toContain('from=2022-01-01');
    const state = await hookState(page);
    expect([state.asOf ?? null, state.changes ?? null]).toEqual([null, null]);
    await shot(page, 'bad-url');
    await page.close();
  });
});

/**
 * axe-core (every impact) finds nothing on any view of the atlas, in Polish and in English: the
 * map, a partnership, a gmina, the embed, the table view, the time controls (date, period switch,
 * changes view) and the GraphiQL page.
 * Needs the built app (`npm run web:build`) and /usr/bin/chromium. Screenshots: test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { repoRoot } from '../../server/config.js';
import { startBrowserTest, type BrowserTestSetup } from './browser.js';
import { axeViolations, openMap } from './map-page.js';

const SHOTS = path.join(repoRoot, 'test-output', 'screenshots');
const LODZ = '1061011';

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;
let slug: string;

describe('axe: 0 violations on every view, both languages (browser)', () => {
  beforeAll(async () => {
    setup = await startBrowserTest('index.html');
    ({ app, browser } = setup);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ jst(teryt: "${LODZ}") { memberships { partnership { slug } } } }` }),
    });
    slug = ((await res.json()) as { data: { jst: { memberships: { partnership: { slug: string } }[] } } }).data.jst.memberships[0].partnership.slug;
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  const views: [string, () => string][] = [
    ['map', () => '/'],
    ['partnership', () => `/?p=${slug}`],
    ['gmina', () => `/?g=${LODZ}`],
    ['embed', () => `/embed?p=${slug}`],
    ['table', () => '/?view=table&sort=-members'],
    // ---- timemap: the date control set, a programme's period switch and the changes view open ----
    ['time', () => '/?prog=ZIT-2014-2020&asOf=2015-06-01&from=2021-01-01&to=2022-12-31'],
  ];
  for (const lang of ['pl', 'en'] as const) {
    for (const [name, url] of views) {
      it(`${name} (${lang})`, async () => {
        const u = url();
        const { page } = await openMap(browser, `${app.url}${u}${lang === 'en' ? `${u.includes('?') ? '&' : '?'}lang=en` : ''}`);
        if (name === 'partnership' || name === 'gmina') await page.waitForSelector('#details .details-head');
        if (name === 'table') await page.waitForSelector('#table-view tbody tr');
        if (name === 'time') await page.waitForSelector('#time .changes-result');
        await page.screenshot({ path: path.join(SHOTS, `access-axe-${name}-${lang}.png`) });
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }

  it('GraphiQL (/graphql): none but GraphiQL\'s own tab markup', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${app.url}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(SHOTS, 'access-axe-graphiql.png') });
    // GraphiQL's tabs put a close button inside each role="tab" (nested-interactive): its component, not ours to change.
    const ours = (await axeViolations(page)).filter((v) => !/^serious nested-interactive: (\.graphiql-tab|li)/.test(v));
    expect(ours).toEqual([]);
    await page.close();
  });
});

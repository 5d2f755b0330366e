/**
 * The language switch is complete: after "English" no Polish interface text is left (the map's own
 * zoom buttons and attribution included), and after "Polski" no English one.
 * Needs the built app (`npm run web:build`) and /usr/bin/chromium. Screenshots: test-output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { repoRoot } from '../../server/config.js';
import { strings } from '../../web/src/i18n/strings.js';
import { startBrowserTest, type BrowserTestSetup } from './browser.js';
import { idle, openMap } from './map-page.js';

const SHOTS = path.join(repoRoot, 'test-output', 'screenshots');

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;

/** The interface's own text: everything but data (partnership, programme and województwo names), with titles, labels and placeholders. */
const chromeText = (page: Page): Promise<string> => page.evaluate(() => {
  const doc = (globalThis as any).document;
  const data = '#f-programme option:not([value=""]), #f-woj option:not([value=""]), #legend button.link, #coverage .by-voivodeship .bar-label, #coverage .figures li, #sr-list li, #unplaced li';
  const skip = new Set<unknown>(doc.querySelectorAll(data));
  const parts: string[] = [doc.title];
  const walk = (el: any) => {
    if (skip.has(el)) return;
    for (const a of ['title', 'aria-label', 'placeholder']) if (el.getAttribute?.(a)) parts.push(el.getAttribute(a));
    for (const c of el.childNodes) {
      if (c.nodeType === 3) parts.push(c.textContent);
      else if (c.nodeType === 1) walk(c);
    }
  };
  walk(doc.body);
  return parts.join('\n');
});

/** Plain texts of `other` that `lang` never uses (the language button names the other language on purpose). */
function foreignTexts(lang: 'pl' | 'en'): string[] {
  const mine = JSON.stringify(strings(lang));
  const other = strings(lang === 'pl' ? 'en' : 'pl') as unknown as Record<string, unknown>;
  const out: string[] = [];
  const collect = (v: unknown, key: string) => {
    if (key === 'language' || key === 'languageLabel') return;
    if (typeof v === 'string') { if (v.length >= 4 && !mine.includes(v)) out.push(v); } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
  };
  for (const [k, v] of Object.entries(other)) collect(v, k);
  return out;
}

const controlTitles = (page: Page) => page.evaluate(() => [...(globalThis as any).document.querySelectorAll('.maplibregl-ctrl button')].map((b: any) => b.title));
const attribution = (page: Page) => page.locator('.maplibregl-ctrl-attrib-inner').innerText();

describe('language switch (browser)', () => {
  beforeAll(async () => {
    setup = await startBrowserTest('index.html');
    ({ app, browser } = setup);
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('English leaves no Polish interface text, Polski no English, the map controls and attribution included', async () => {
    const { page } = await openMap(browser, `${app.url}/?prog=CWD-PLUS`);
    await page.waitForSelector('#coverage .coverage-summary');
    expect(await controlTitles(page)).toEqual(expect.arrayContaining(['Przybliż', 'Oddal']));
    expect(await attribution(page)).toContain('dane: CC BY 4.0; granice: PRG');
    expect((await chromeText(page)).match(/Zoom in|Zoom out|Toggle attribution/g)).toBeNull();

    await page.click('#btn-lang');
    await page.waitForFunction(() => (globalThis as any).document.documentElement.lang === 'en');
    await page.waitForSelector('#coverage .coverage-summary');
    await idle(page);
    expect(await controlTitles(page)).toEqual(expect.arrayContaining(['Zoom in', 'Zoom out']));
    expect(await attribution(page)).toContain('data: CC BY 4.0; boundaries: PRG');
    const en = await chromeText(page);
    expect(foreignTexts('en').filter((s) => en.includes(s))).toEqual([]);
    // Polish letters in the English interface come from data only (excluded above) — or from a string left in Polish.
    // "województwo" is a term English texts keep (like gmina and powiat).
    expect(en.split('\n').filter((line) => /[ąćęłńóśźż]/i.test(line.replace(/województw\w*/g, '')) && !/Polski|polski/.test(line))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'access-language-en.png') });

    await page.click('#btn-lang');
    await page.waitForFunction(() => (globalThis as any).document.documentElement.lang === 'pl');
    await idle(page);
    expect(await controlTitles(page)).toEqual(expect.arrayContaining(['Przybliż', 'Oddal']));
    expect(await attribution(page)).toContain('dane: CC BY 4.0; granice: PRG');
    const pl = await chromeText(page);
    expect(foreignTexts('pl').filter((s) => pl.includes(s))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'access-language-pl.png') });
    await page.close();
  });

  it("a gmina's details in English name its kind in English", async () => {
    const { page } = await openMap(browser, `${app.url}/?g=1061011&lang=en`);
    await page.waitForSelector('#details .details-head');
    const text = await page.locator('#details').innerText();
    expect(text).toContain('city with powiat rights');
    expect(text).not.toContain('miasto na prawach powiatu');
    expect(foreignTexts('en').filter((s) => text.includes(s))).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'access-language-gmina-en.png') });
    await page.close();
  });
});

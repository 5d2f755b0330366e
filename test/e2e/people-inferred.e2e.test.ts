/**
 * People on the map, in Chromium against the real server: Augustowsko-Biebrzański's inferred members
 * are outlined dashed with a legend line and marked "wywnioskowane" (the rule on hover and focus) in
 * the details; population (GUS BDL, with its source line) in the partnership's and a gmina's details
 * and in the coverage panel, equal to the API's figures; a former TERYT code in a link marks the gmina by its
 * current one. Needs `npm run web:build`.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, hideLabels, idle, openMap } from './map-page.js';
import { apiData, SHOTS, useMapBrowser, waitForTitle } from './flow-page.js';

const AB = 'augustowsko-biebrzanski-park-turystyczny';
const SOURCE = 'Źródło: GUS, Bank Danych Lokalnych (stan 31.12.2020)';
const SOURCE_EN = 'Source: Statistics Poland (GUS), Local Data Bank (Bank Danych Lokalnych), as of 31.12.2020';

const shot = async (page: Page, state: string) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `people-${state}.png`) });
};
/** Digits of a formatted number ("1 234 567" in Polish, with narrow no-break spaces). */
const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

describe('people: population and inferred members (browser)', () => {
  const setup = useMapBrowser();

  it('outlines inferred gminy dashed, explains it in the legend, marks them in the details with the rule', async () => {
    const { page } = await openMap(setup.browser, `${setup.app.url}/?p=${AB}`);
    await waitForTitle(page, 'Partnerstwo Terytorialne „Augustowsko-Biebrzański Park Turystyczny”');
    await page.waitForFunction(() => !(globalThis as any).__atlas.map.isMoving());
    await idle(page);
    // The dashed layer draws exactly the 24 gminy in view that are inferred members of a shown partnership.
    const dashed: string[] = await page.evaluate(() => {
      const map = (globalThis as any).__atlas.map;
      return [...new Set(map.queryRenderedFeatures({ layers: ['gminy-inferred'] }).map((f: any) => f.properties.teryt))] as string[];
    });
    const api = (await apiData(setup.app.url, `{ partnership(slug: "${AB}") { members { jst { teryt } } population { people } } }`)).partnership;
    expect(dashed.sort()).toEqual(api.members.map((m: any) => m.jst.teryt).sort());
    expect(await page.locator('#legend .legend-inferred').textContent()).toContain('wywnioskowane');

    const marks = page.locator('#details .member-list .inferred-mark');
    expect(await marks.count()).toBe(24);
    expect(await page.locator('#details .inferred-count').textContent()).toContain('24 wywnioskowanych');
    // Population of the area, with its source.
    expect(digits(await page.locator('#details .population-figure').textContent())).toContain(String(api.population.people));
    expect(await page.locator('#details .population-source').textContent()).toBe(SOURCE);
    await hideLabels(page);
    await idle(page);
    await shot(page, 'inferred-outline');
    // The rule: on keyboard focus it shows beside the mark and describes the button.
    await marks.first().focus();
    const rule = page.locator('#details .member-list .inferred-rule').first();
    expect(await rule.isVisible()).toBe(true);
    expect(await rule.textContent()).toMatch(/says 24 gminy; every gmina of those powiaty/);
    expect(await marks.first().getAttribute('title')).toBe(await rule.textContent());
    await shot(page, 'inferred-rule-focus');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows a gmina\'s population and its inferred membership, and people covered in the coverage panel, in English too', async () => {
    const { page } = await openMap(setup.browser, `${setup.app.url}/?g=2011083&lang=en`);
    await waitForTitle(page, 'Sokółka');
    const jst = (await apiData(setup.app.url, `{ jst(teryt: "2011083") { population { people } } }`)).jst;
    expect(digits(await page.locator('#details .population-figure').textContent())).toBe(String(jst.population.people));
    expect(await page.locator('#details .population-figure').textContent()).toContain('Population');
    expect(await page.locator('#details .population-source').textContent()).toBe(SOURCE_EN);
    expect(await page.locator('#details .partnership-list .inferred-mark').textContent()).toBe('inferred');
    await page.waitForSelector('#coverage .coverage-population', { timeout: 30_000 });
    const cov = (await apiData(setup.app.url, `{ coverage { populationCovered populationTotal } }`)).coverage;
    const line = await page.locator('#coverage .coverage-population .population-figure').textContent();
    expect(line).toContain('People covered');
    expect(digits(line)).toContain(`${cov.populationCovered}${cov.populationTotal}`);
    expect(await page.locator('#coverage .population-source').textContent()).toBe(SOURCE_EN);
    await shot(page, 'gmina-population-en');
    await page.close();
  });

  it('a link with a former TERYT code (Piekoszów 2604142) opens the gmina and marks it on the map by its current code', async () => {
    const { page } = await openMap(setup.browser, `${setup.app.url}/?g=2604142&lang=en`);
    await waitForTitle(page, 'Piekoszów');
    await page.waitForFunction(() => JSON.stringify((globalThis as any).__atlas.map.getFilter('gminy-selected')) === JSON.stringify(['==', ['get', 'teryt'], '2604143']));
    await page.close();
  });

  it("says how sure a programme's loaded figures are: JSTs only inferred, partnerships only probable", async () => {
    const { page } = await openMap(setup.browser, `${setup.app.url}/?prog=CWD`);
    const loaded = (await apiData(setup.app.url, `{ programme(code: "CWD") { loaded { inferredJsts } } }`)).programme.loaded;
    await page.waitForSelector('#coverage .figure-certainty', { timeout: 30_000 });
    const line = await page.locator('#coverage .figure-certainty').textContent();
    expect(line).toContain(`JST tylko wywnioskowane ze źródła: ${loaded.inferredJsts}.`);
    expect(loaded.inferredJsts).toBe(24);
    await page.locator('#coverage .figure-certainty').scrollIntoViewIfNeeded();
    await shot(page, 'programme-certainty');
    await page.close();
  });
});

/**
 * No dead ends, in Chromium against the real server: a link with unknown or malformed parameters
 * is explained and cleaned; the API down gives an error with a retry that works once it is back
 * (boot, details, search, coverage); Back and Forward move between selections. Needs `npm run web:build`.
 */
import { describe, expect, it } from '@jest/globals';
import type { Page, Route } from 'playwright-core';
import { openMap } from './map-page.js';
import { apiData, flowShot, hookState, panelCoverage, useMapBrowser, waitForTitle } from './flow-page.js';


const GRAPHQL = '**/graphql?**';
const down = (route: Route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'down for the test' });
const hookReady = (page: Page) => page.waitForFunction(() => (globalThis as any).__atlas?.ready === true, null, { timeout: 60_000 });

describe('flow: no dead ends (browser)', () => {
  const setup = useMapBrowser();

  it('?prog=NOPE, an unknown key and a malformed TERYT: explained, dropped from the URL, coverage loads', async () => {
    const { page } = await openMap(setup.browser, `${setup.app.url}/?prog=NOPE&foo=1&g=12x&status=GRANTEE`);
    const notice = page.locator('#url-notice');
    await notice.waitFor();
    const text = await notice.textContent();
    for (const part of ['prog=NOPE', 'foo=1', 'g=12x', 'brak w atlasie', 'nieznany parametr', 'błędny zapis']) expect(text).toContain(part);
    expect(new URL(page.url()).search).toBe('?status=GRANTEE');
    expect((await hookState(page)).programme).toBeNull();
    const cov = await panelCoverage(page);
    expect(cov).toMatchObject((await apiData(setup.app.url, `{ coverage(statuses: [GRANTEE]) { gminyCovered partnerships } }`)).coverage);
    expect(await page.locator('#coverage').textContent()).not.toContain('Wczytywanie');
    await flowShot(page, 'url-notice');
    await page.click('#url-notice .dismiss');
    await notice.waitFor({ state: 'hidden' });
    await page.close();
  });

  it('the API down at boot: an error with a retry, and the retry works once it is back', async () => {
    const page = await setup.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route(GRAPHQL, down);
    await page.goto(`${setup.app.url}/`);
    const retry = page.locator('#app-status .retry');
    await retry.waitFor({ timeout: 60_000 });
    expect(await page.locator('#app-status').textContent()).toContain('Nie udało się wczytać danych');
    await flowShot(page, 'api-down-boot');
    await page.unroute(GRAPHQL);
    await retry.click();
    await hookReady(page);
    expect(await page.locator('#app-status .retry').count()).toBe(0);
    await panelCoverage(page);
    await page.close();
  });

  it('details, search and coverage fail with a retry while the API is down, and recover', async () => {
    const { page } = await openMap(setup.browser, `${setup.app.url}/`);
    await page.route(GRAPHQL, down);
    const first = page.locator('#legend .legend-list button').first();
    const name = (await first.textContent())!;
    await first.click();
    const detailsRetry = page.locator('#details .retry');
    await detailsRetry.waitFor();
    await page.selectOption('#f-status', 'GRANTEE');
    const coverageRetry = page.locator('#coverage .retry');
    await coverageRetry.waitFor();
    // Last, so the search list stays open (it closes when the input loses focus).
    await page.fill('#search-input', 'Kraków');
    const searchRetry = page.locator('#search-list .retry');
    await searchRetry.waitFor();
    await flowShot(page, 'api-down-panels');
    await page.unroute(GRAPHQL);
    await searchRetry.click();
    await page.waitForSelector('#search-list li[role="option"]', { timeout: 15_000 });
    await detailsRetry.click();
    await waitForTitle(page, name);
    await coverageRetry.click();
    await panelCoverage(page);
    await page.close();
  });

  it('the województwo filter read failing: an error with a retry that paints the województwo', async () => {
    const { page } = await openMap(setup.browser, `${setup.app.url}/`);
    const inVoivodeship = (route: Route) => (new URL(route.request().url()).searchParams.get('operationName') === 'MapInVoivodeship' ? down(route) : route.continue());
    await page.route(GRAPHQL, inVoivodeship);
    await page.selectOption('#f-woj', '12');
    const retry = page.locator('#app-status .retry');
    await retry.waitFor();
    await page.unroute(GRAPHQL);
    await retry.click();
    await page.waitForFunction(() => (globalThis as any).__atlas.paint().shown.length > 0 && !(globalThis as any).document.querySelector('#app-status .retry'));
    const inWoj = (await apiData(setup.app.url, `{ partnerships(filter: { voivodeship: "12" }, first: 200) { edges { node { slug } } } }`)).partnerships.edges.map((e: any) => e.node.slug).sort();
    expect((await page.evaluate(() => (globalThis as any).__atlas.paint().shown)).sort()).toEqual(inWoj);
    await page.close();
  });

  it('Back and Forward move between two selections (a partnership, then one of its gminy)', async () => {
    const { page } = await openMap(setup.browser, `${setup.app.url}/`);
    const historyLength = await page.evaluate(() => (globalThis as any).history.length);
    const legendButton = page.locator('#legend .legend-list button').first();
    const nameA = (await legendButton.textContent())!;
    await legendButton.click();
    await waitForTitle(page, nameA);
    const slugA = (await hookState(page)).partnership;
    const member = page.locator('#details .member-list button').first();
    const nameB = (await member.textContent())!;
    await member.click();
    await waitForTitle(page, nameB);
    const gminaB = (await hookState(page)).gmina;
    expect(gminaB).toMatch(/^\d{7}$/);
    expect(await page.evaluate(() => (globalThis as any).history.length)).toBe(historyLength + 2);
    await page.goBack();
    await waitForTitle(page, nameA);
    expect((await hookState(page)).partnership).toBe(slugA);
    expect(new URL(page.url()).searchParams.get('p')).toBe(slugA);
    await flowShot(page, 'history-back');
    await page.goBack();
    await page.waitForFunction(() => (globalThis as any).__atlas.state().partnership === null);
    await waitForTitle(page, 'Szczegóły');
    await page.goForward();
    await waitForTitle(page, nameA);
    await page.goForward();
    await waitForTitle(page, nameB);
    expect((await hookState(page)).gmina).toBe(gminaB);
    await flowShot(page, 'history-forward');
    await page.close();
  });
});

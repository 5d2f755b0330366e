/**
 * Counts that follow the view, in Chromium against the real server: coverage for the filters on
 * screen equals the API's figures (themselves checked against SQL in test/api/coverage-filters.test.ts),
 * choosing a województwo frames it, partnerships without known members are listed and open, and a
 * selection outside the filters says so. Needs `npm run web:build`.
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { idle, openMap } from './map-page.js';
import { apiData, flowShot, hookState, panelCoverage, useMapBrowser, waitForTitle } from './flow-page.js';


const COVERAGE = `query($statuses: [ParticipationStatus!], $voivodeship: String) {
  coverage(statuses: $statuses, voivodeship: $voivodeship) { gminyCovered gminyTotal partnerships } }`;
/** Partnerships coloured somewhere on the map now (the whole country is in view at the start). */
const drawnPartnerships = async (page: Page) =>
  new Set((await page.evaluate(() => (globalThis as any).__atlas.renderedGminy() as { shown: string[] }[])).flatMap((g) => g.shown)).size;

describe('flow: counts that follow the view (browser)', () => {
  const setup = useMapBrowser();
  const open = async (urlPath: string): Promise<Page> => (await openMap(setup.browser, `${setup.app.url}${urlPath}`)).page;

  it('status GRANTEE: the panel counts what the map draws, the API figures', async () => {
    const page = await open('/');
    await page.selectOption('#f-status', 'GRANTEE');
    await page.waitForFunction(() => (globalThis as any).__atlas.coverage() !== null && (globalThis as any).__atlas.state().status === 'GRANTEE');
    await idle(page);
    const shown = await panelCoverage(page);
    const api = (await apiData(setup.app.url, COVERAGE, { statuses: ['GRANTEE'] })).coverage;
    expect(shown).toMatchObject(api);
    expect(await drawnPartnerships(page)).toBe(api.partnerships);
    expect(await page.locator('#coverage .coverage-on-map').textContent()).toContain(`— ${api.partnerships}.`);
    expect(await page.locator('#coverage .coverage-for').textContent()).toContain('beneficjent');
    await flowShot(page, 'coverage-grantee');
    await page.close();
  });

  it('województwo 12: coverage of the województwo, and the map frames it', async () => {
    const page = await open('/');
    const before = (await hookState(page)).zoom ?? (await page.evaluate(() => (globalThis as any).__atlas.map.getZoom()));
    await page.selectOption('#f-woj', '12');
    await page.waitForFunction(() => (globalThis as any).__atlas.coverage()?.byVoivodeship?.length === 1);
    await page.waitForFunction(() => !(globalThis as any).__atlas.map.isMoving());
    await idle(page);
    const api = (await apiData(setup.app.url, COVERAGE, { voivodeship: '12' })).coverage;
    expect(await panelCoverage(page)).toMatchObject(api);
    const bbox: number[] = (await apiData(setup.app.url, `{ jst(teryt: "12") { bbox } }`)).jst.bbox;
    const cam = await page.evaluate(() => { const m = (globalThis as any).__atlas.map; const c = m.getCenter(); return { lng: c.lng, lat: c.lat, zoom: m.getZoom() }; });
    expect(cam.lng).toBeGreaterThan(bbox[0]);
    expect(cam.lng).toBeLessThan(bbox[2]);
    expect(cam.lat).toBeGreaterThan(bbox[1]);
    expect(cam.lat).toBeLessThan(bbox[3]);
    expect(cam.zoom).toBeGreaterThan(before + 1);
    await flowShot(page, 'voivodeship-12');
    await page.close();
  });

  it('lists the partnerships without known members beside the map; one opens, and search finds it', async () => {
    const all = (await apiData(setup.app.url, `{ partnerships(first: 200) { edges { node { slug name functionalArea { memberCount } } } } }`)).partnerships.edges
      .map((e: { node: { slug: string; name: string; functionalArea: { memberCount: number } } }) => e.node);
    const unplaced = all.filter((p: { functionalArea: { memberCount: number } }) => p.functionalArea.memberCount === 0);
    expect(unplaced.length).toBeGreaterThan(0);
    const page = await open('/');
    await expect(page.locator('#unplaced summary').textContent()).resolves.toContain(`Nie na mapie: ${unplaced.length}`);
    await page.click('#unplaced summary');
    expect(await page.locator('#unplaced li button').count()).toBe(unplaced.length);
    const first = page.locator('#unplaced li button').first();
    const slug = await first.getAttribute('data-slug');
    const name = unplaced.find((p: { slug: string }) => p.slug === slug).name;
    await flowShot(page, 'unplaced-list');
    await first.click();
    await waitForTitle(page, name);
    expect((await hookState(page)).partnership).toBe(slug);
    expect(await page.locator('#details .selection-note').textContent()).toContain('Członkowie tego partnerstwa są nieznani');
    // Nothing of it is drawn, so the legend gives it no colour.
    expect(await page.locator('#legend .legend-list button', { hasText: name }).count()).toBe(0);
    await flowShot(page, 'unplaced-opened');
    await page.fill('#search-input', name.slice(0, 12));
    await page.waitForSelector(`#search-list li[data-id="${slug}"]`, { timeout: 15_000 });
    await page.close();
  });

  it('a selection outside the filter is shown with a note and a way to clear the filter', async () => {
    const inCwdPlus = (await apiData(setup.app.url, `{ partnerships(filter: { programme: "CWD-PLUS" }, first: 200) { edges { node { slug } } } }`)).partnerships.edges.map((e: any) => e.node.slug);
    const other = (await apiData(setup.app.url, `{ partnerships(first: 200) { edges { node { slug name functionalArea { memberCount } } } } }`)).partnerships.edges
      .map((e: any) => e.node).find((p: any) => p.functionalArea.memberCount > 0 && !inCwdPlus.includes(p.slug));
    const page = await open(`/?prog=CWD-PLUS&p=${other.slug}`);
    await waitForTitle(page, other.name);
    const note = page.locator('#details .selection-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('poza bieżącymi filtrami');
    expect(await page.evaluate(() => (globalThis as any).__atlas.renderedAreas('areas-selected'))).toContain(other.slug);
    await flowShot(page, 'outside-filter');
    await page.click('#details .clear-filters');
    await page.waitForFunction(() => (globalThis as any).__atlas.state().programme === null);
    await note.waitFor({ state: 'detached' });
    expect((await hookState(page)).partnership).toBe(other.slug);
    await page.close();
  });
});

/**
 * GraphiQL in a real browser against the real server on a fresh embedded database, with every
 * request that does not go to that server refused: the IDE must load, show the examples of
 * schema/examples and run one from our own bundle alone (no CDN, no internet).
 * Needs the built app (`npm run web:build`) and /usr/bin/chromium. Screenshots go to test-output/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningApp } from '../../server/app.js';
import { exampleQueries } from '../support/examples.js';
import { E2E_OUT, startBrowserTest, type BrowserTestSetup } from './browser.js';

let setup: BrowserTestSetup;
let app: RunningApp;
let browser: Browser;

/** What a page tried beyond the server, what the browser refused or threw, and the server's refusals. */
interface Watch {
  outside: string[];
  problems: string[];
  /** Non-2xx answers of POST /graphql: GraphQL errors, which GraphiQL shows in its own panes. */
  refusedOperations: string[];
}

const isOperation = (method: string, url: string) => method === 'POST' && new URL(url).pathname === '/graphql';

/**
 * A browser context that lets through only requests to the app's own origin and records the rest
 * (aborted, so a CDN reference fails here exactly as it would offline). Routed on the context,
 * so Monaco's workers' requests are covered as well as the page's.
 */
async function isolatedPage(): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const watch: Watch = { outside: [], problems: [], refusedOperations: [] };
  const origin = new URL(app.url).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    watch.outside.push(url);
    return route.abort('internetdisconnected');
  });
  context.on('response', async (r) => {
    if (r.status() < 400) return;
    const line = `${r.status()} ${r.request().method()} ${r.url()}: ${(await r.text().catch(() => '')).slice(0, 200)}`;
    (isOperation(r.request().method(), r.url()) ? watch.refusedOperations : watch.problems).push(line);
  });
  context.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === origin) watch.problems.push(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => watch.problems.push(`page error: ${e.message}`));
  // CSP refusals reach the console only. A failed load is there too, already counted above.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) watch.problems.push(`console: ${m.text()}`);
  });
  return { context, page, watch };
}

/** Opens /graphql, waits for GraphiQL to be drawn and its loads to settle, and checks nothing went beyond the server. */
async function openGraphiql(): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
  const opened = await isolatedPage();
  await opened.page.goto(`${app.url}/graphql`);
  await opened.page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
  await opened.page.waitForLoadState('networkidle');
  expect(opened.watch.outside).toEqual([]);
  expect(opened.watch.problems).toEqual([]);
  return opened;
}

/** The operation name an example file declares (GraphiQL titles its tab with it). */
const operationName = (query: string) => /^\s*query\s+(\w+)/m.exec(query)?.[1];

/** The text an editor shows (Monaco renders the visible lines, spaces as no-break spaces). */
const shownText = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');

/** Waits until the editor at `selector` shows `text` (Monaco draws a moment after a tab opens or an answer comes). */
const waitForShown = (page: Page, selector: string, text: string) =>
  page.waitForFunction(
    ([s, t]) => (globalThis as any).document.querySelector(s)?.innerText.replace(/\u00a0/g, ' ').includes(t),
    [selector, text] as const,
    { timeout: 60_000 },
  );

describe('GraphiQL at /graphql (browser, nothing but the server)', () => {
  beforeAll(async () => {
    setup = await startBrowserTest('graphiql.html');
    ({ app, browser } = setup);
  }, 240_000);

  afterAll(async () => {
    await setup?.close();
  });

  it('loads with every example as a tab and runs one, reading the answer in the response pane', async () => {
    const { context, page, watch } = await openGraphiql();

    // Our own chrome: Polish first, with the way back to the map.
    expect(await page.locator('.atlas-graphiql-header h1').innerText()).toContain('Atlas Partnerstw');
    expect(await page.locator('.atlas-graphiql-back').getAttribute('href')).toBe('/');

    // One tab per file of schema/examples, titled by its operation.
    const examples = exampleQueries();
    const names = examples.map((e) => operationName(e.query));
    const tabs = page.locator('.graphiql-tab');
    await tabs.nth(examples.length - 1).waitFor();
    await expect(tabs.count()).resolves.toBe(examples.length);
    const titles = await tabs.allInnerTexts();
    for (const name of names) expect(titles.join(' ')).toContain(name);

    // The example opened in the editor is the file's text (Monaco shows its first lines).
    const chosen = examples.find((e) => e.name === 'jst-by-teryt.graphql')!;
    await tabs.filter({ hasText: operationName(chosen.query)! }).click();
    await waitForShown(page, '.graphiql-query-editor', 'jst(teryt: "1201011")');

    // The same operation through the API tells what the pane must show.
    const direct = (await (
      await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: chosen.query }) })
    ).json()) as { data: { jst: { teryt: string; name: string } } };
    expect(direct.data.jst.teryt).toBe('1201011');

    await page.locator('.graphiql-execute-button').click();
    await waitForShown(page, '.graphiql-response', `"name": "${direct.data.jst.name}"`);
    const answer = await shownText(page, '.graphiql-response');
    expect(answer).toContain('"teryt": "1201011"');
    expect(answer).not.toContain('"errors"');
    await page.screenshot({ path: path.join(E2E_OUT, '20-graphiql.png') });

    expect(watch.outside).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });

  it('loads the schema by the standard introspection query: the documentation explorer lists the root types', async () => {
    const { context, page, watch } = await openGraphiql();
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const explorer = page.locator('.graphiql-doc-explorer');
    await explorer.getByText('Root Types').waitFor({ timeout: 30_000 });
    await explorer.getByRole('link', { name: 'Query', exact: true }).click();
    await explorer.getByText('partnershipsAt').first().waitFor();
    await page.screenshot({ path: path.join(E2E_OUT, '21-graphiql-docs.png') });
    expect(watch.refusedOperations).toEqual([]);
    expect(watch.outside).toEqual([]);
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});

/** Shared by the flow browser tests: the API read from Node, the hook read from the page, screenshots. */
import { afterAll, beforeAll } from '@jest/globals';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../server/config.js';
import { startBrowserTest, type BrowserTestSetup } from './browser.js';
import { postQuery } from './map-page.js';

/** Registers the hooks that start the real server and Chromium for the enclosing `describe`; read `.app`, `.browser` inside tests. */
export function useMapBrowser(): BrowserTestSetup {
  const holder = {} as BrowserTestSetup;
  beforeAll(async () => {
    Object.assign(holder, await startBrowserTest('index.html'));
  }, 240_000);
  afterAll(async () => {
    await holder.close?.();
  });
  return holder;
}

export const SHOTS = path.join(repoRoot, 'test-output', 'screenshots');

/** Saves `test-output/screenshots/flow-<state>.png`. */
export async function flowShot(page: Page, state: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `flow-${state}.png`) });
}

/** One GraphQL read straight from the server (not through the page): map-page.ts's postQuery, typed `any` by default. */
export const apiData = <T = any>(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => postQuery<T>(baseUrl, query, variables);

export const hookState = (page: Page): Promise<any> => page.evaluate(() => (globalThis as any).__atlas.state());

/** The coverage the panel shows, once it has loaded (fails the wait when it stays on loading). */
export async function panelCoverage(page: Page): Promise<{ gminyCovered: number; gminyTotal: number; partnerships: number }> {
  await page.waitForSelector('#coverage .coverage-on-map', { timeout: 30_000 });
  return page.evaluate(() => (globalThis as any).__atlas.coverage());
}

/** Waits for the details panel to show this title. */
export const waitForTitle = (page: Page, title: string) =>
  page.waitForFunction((t) => (globalThis as any).document.querySelector('#details-title')?.textContent === t, title, { timeout: 30_000 });

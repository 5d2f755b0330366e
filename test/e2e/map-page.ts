/** Opening the built map in a page and waiting for it, shared by the map's browser tests. */
import { expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { repoRoot } from '../../server/config.js';

export interface MapPage {
  page: Page;
  /** Every request the page made, in order, from before navigation. */
  requests: Request[];
}

/** Waits until the map has loaded every tile of the view and drawn it. */
export const idle = (page: Page) => page.evaluate(() => (globalThis as any).__atlas.idle());

/** Opens `url` (absolute), waits for the app's test hook and an idle map, and fails on any page error. */
export async function openMap(browser: Browser, url: string, viewport = { width: 1400, height: 900 }): Promise<MapPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r));
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as any).__atlas?.ready === true, null, { timeout: 60_000 });
  await idle(page);
  expect(errors).toEqual([]);
  return { page, requests };
}

/** The GraphQL operations among `requests` (the map sends its reads as GET /graphql?operationName=…). */
export function graphqlOperations(requests: Request[]): string[] {
  return requests
    .map((r) => new URL(r.url()))
    .filter((u) => u.pathname === '/graphql')
    .map((u) => u.searchParams.get('operationName') ?? '?');
}

export type Rgb = [number, number, number];

/**
 * Reads a PNG screenshot back in the page (Chromium decodes it; no image library needed): the colour
 * at each probe point (CSS pixels of the screenshot) and how many pixels are `exact` colour.
 */
export async function readScreenshot(page: Page, png: Buffer, probes: [number, number][], exact: Rgb): Promise<{ probes: Rgb[]; exactCount: number; pixels: number }> {
  return page.evaluate(async ({ b64, probes, exact }) => {
    const doc = (globalThis as any).document;
    const img = new (globalThis as any).Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = doc.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data: Uint8ClampedArray = ctx.getImageData(0, 0, img.width, img.height).data;
    let exactCount = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === exact[0] && data[i + 1] === exact[1] && data[i + 2] === exact[2]) exactCount += 1;
    const at = ([x, y]: [number, number]) => {
      const i = (Math.round(y) * img.width + Math.round(x)) * 4;
      return [data[i], data[i + 1], data[i + 2]];
    };
    return { probes: probes.map(at), exactCount, pixels: data.length / 4 };
  }, { b64: png.toString('base64'), probes, exact }) as Promise<{ probes: Rgb[]; exactCount: number; pixels: number }>;
}

export const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

/** `fill` drawn at `opacity` over `under`, as the canvas blends it. */
export const blend = (fill: Rgb, opacity: number, under: Rgb): Rgb => fill.map((c, i) => Math.round(c * opacity + under[i] * (1 - opacity))) as Rgb;

/** The data of a GraphQL query POSTed to the server at `baseUrl`; throws on errors. */
export async function postQuery<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Hides the map's label layers (names drawn over a probed point would hide its fill). */
export const hideLabels = (page: Page) =>
  page.evaluate(() => {
    const map = (globalThis as any).__atlas.map;
    for (const layer of map.getStyle().layers) if (layer.type === 'symbol') map.setLayoutProperty(layer.id, 'visibility', 'none');
  });

/**
 * How many pixels of the square of side 2·radius+1 around (x, y) (CSS pixels of the screenshot) are
 * markedly darker than its lightest pixel (channel sum lower by 120 or more): 0 on a plain fill, the
 * share of hatching lines on a hatched one.
 */
export async function darkPixels(page: Page, png: Buffer, [x, y]: [number, number], radius: number): Promise<number> {
  return page.evaluate(async ({ b64, x, y, radius }) => {
    const img = new (globalThis as any).Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = (globalThis as any).document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const side = 2 * radius + 1;
    const data: Uint8ClampedArray = ctx.getImageData(Math.round(x) - radius, Math.round(y) - radius, side, side).data;
    const sums: number[] = [];
    for (let i = 0; i < data.length; i += 4) sums.push(data[i] + data[i + 1] + data[i + 2]);
    const lightest = Math.max(...sums);
    return sums.filter((v) => v <= lightest - 120).length;
  }, { b64: png.toString('base64'), x, y, radius });
}

/**
 * axe-core's findings on the page as it is now (every impact), one line per violation and node.
 * axe is evaluated through the DevTools protocol: the page's CSP (script-src 'self') refuses a script tag.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => Boolean((globalThis as any).axe)))) await page.evaluate(readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const found = await page.evaluate(async () => {
    const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')}`));
  });
  return found as string[];
}

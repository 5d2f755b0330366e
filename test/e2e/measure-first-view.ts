/**
 * What the first view of the map costs: time until the map is idle with its data drawn, bytes and
 * requests over the wire; and the gzipped size of the built JavaScript. For `npm run bench:web`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { entryFiles, type WebEntry } from '../support/web-manifest.js';
import { launchChromium } from './browser.js';

export interface FirstView {
  msToIdle: number;
  /** Bytes on the wire (headers and the body as sent, compressed where it was). */
  bytesTransferred: number;
  /** Bytes of the bodies once decoded. */
  bytesDecoded: number;
  requests: number;
  /** Bytes of the GraphQL answers by query label, as the app counts them. */
  apiBytesByLabel: Record<string, number>;
}

/**
 * Chromium reports no body size for a worker's own script (MapLibre's worker, 120 KB brotli, would count
 * as nothing in both the app's and the blank map's first view): its Content-Length as sent, else the decoded body.
 */
function bodyBytesAsSent(body: Buffer | undefined, headers: Record<string, string> | undefined): number {
  if (!body?.length) return 0;
  const length = Number(headers?.['content-length']);
  return Number.isFinite(length) && length > 0 ? length : body.length;
}

/** Opens `url` in a fresh page and waits for the app's test hook and the map's idle event. */
export async function measureFirstView(url: string, options: { browser?: Browser; timeoutMs?: number } = {}): Promise<FirstView> {
  const browser = options.browser ?? (await launchChromium());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let bytes = 0;
    let decoded = 0;
    let requests = 0;
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      requests += 1;
      pending.push(
        (async () => {
          const sizes = await request.sizes();
          const response = await request.response();
          const body = await response?.body().catch(() => undefined);
          decoded += body?.length ?? 0;
          bytes += sizes.responseHeadersSize + (sizes.responseBodySize || bodyBytesAsSent(body, await response?.allHeaders()));
        })().catch(() => undefined),
      );
    });
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as any).__atlas?.ready === true, null, { timeout: options.timeoutMs ?? 60_000 });
    await page.evaluate(() => (globalThis as any).__atlas.idle());
    const msToIdle = Date.now() - t0;
    await Promise.all(pending);
    const apiBytesByLabel = await page.evaluate(() => ({ ...(globalThis as any).__atlas.stats.byLabel }));
    await context.close();
    return { msToIdle, bytesTransferred: bytes, bytesDecoded: decoded, requests, apiBytesByLabel };
  } finally {
    if (!options.browser) await browser.close();
  }
}

/**
 * Raw and gzipped bytes of the JavaScript one page of the built app loads (the map by default:
 * the app and the map worker; `graphiql.html` for GraphiQL, Monaco and its workers).
 */
export function bundleSize(
  distDir = path.resolve(process.cwd(), 'web', 'dist'),
  entry: WebEntry = 'index.html',
): { files: { file: string; bytes: number; gzipBytes: number }[]; bytes: number; gzipBytes: number } {
  const files = entryFiles(distDir, entry)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const buf = readFileSync(path.join(distDir, file));
      return { file: path.basename(file), bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
    });
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

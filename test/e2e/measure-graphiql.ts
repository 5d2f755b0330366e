/**
 * What opening GraphiQL at /graphql costs a browser: requests, and bytes as transferred (as sent,
 * compressed when the server compresses) and as decoded, until the IDE is drawn and its loads
 * (Monaco, its workers, the schema's introspection) have settled. For `npm run bench:web`.
 */
import type { Browser } from 'playwright-core';

export interface PageBytes {
  /** From navigation to the start of the last request (Monaco's workers, the schema). */
  msToSettled: number;
  requests: number;
  bytesTransferred: number;
  bytesDecoded: number;
}

const QUIET_MS = 1000;

export async function measureGraphiql(origin: string, browser: Browser): Promise<PageBytes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    let requests = 0;
    let bytesTransferred = 0;
    let bytesDecoded = 0;
    let lastRequestAt = Date.now();
    const pending: Promise<void>[] = [];
    context.on('request', () => void (lastRequestAt = Date.now()));
    // On the context, so Monaco's workers' requests count as well as the page's.
    context.on('requestfinished', (request) => {
      requests += 1;
      pending.push(
        (async () => {
          const sizes = await request.sizes();
          const response = await request.response();
          const body = await response?.body().catch(() => undefined);
          bytesDecoded += body?.length ?? 0;
          // Chromium reports no body size for a worker's script: then Content-Length, or the body
          // itself when it was sent as is.
          const headers = (await response?.allHeaders()) ?? {};
          const sent = sizes.responseBodySize || Number(headers['content-length'] ?? 0) || (headers['content-encoding'] ? 0 : (body?.length ?? 0));
          bytesTransferred += sizes.responseHeadersSize + sent;
        })().catch(() => undefined),
      );
    });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${origin}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // Monaco starts its workers a while after the page settles: ready is a second without a request.
    while (Date.now() - lastRequestAt < QUIET_MS) await new Promise((r) => setTimeout(r, 100));
    const msToSettled = lastRequestAt - t0;
    await Promise.all(pending);
    return { msToSettled, requests, bytesTransferred, bytesDecoded };
  } finally {
    await context.close();
  }
}

/**
 * `node dist/test/bench/trace-first-view.js`: prints the map's first view as a timeline (each request's start,
 * end and bytes as sent, relative to navigation) on a warm embedded server, for finding where the time goes.
 * Not part of the bench's figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { launchChromium } from '../e2e/browser.js';
import { measureFirstView } from '../e2e/measure-first-view.js';

process.env.REQUEST_LOG ??= 'off';
const dir = mkdtempSync(path.join(tmpdir(), 'atlas-trace-'));
const app = await startApp({ ...loadConfig({}), port: 0, database: { kind: 'pglite', dataDir: path.join(dir, 'pglite') } }, { log: () => {} });
const browser = await launchChromium();
try {
  await measureFirstView(`${app.url}/`, { browser });
  for (let round = 0; round < 2; round++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const rows: { url: string; start: number; end: number; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    const t0 = Date.now();
    page.on('requestfinished', (r) => pending.push((async () => {
      const s = await r.sizes();
      const timing = r.timing();
      rows.push({ url: r.url().replace(app.url, '').slice(0, 90), start: Math.round(timing.startTime - t0), end: Math.round(timing.startTime + timing.responseEnd - t0), bytes: s.responseBodySize + s.responseHeadersSize });
    })()));
    await page.goto(`${app.url}/`);
    await page.waitForFunction(() => (globalThis as any).__atlas?.ready === true, null, { timeout: 60_000 });
    const ready = Date.now() - t0;
    await page.evaluate(() => (globalThis as any).__atlas.idle());
    const idle = Date.now() - t0;
    await Promise.all(pending);
    rows.sort((a, b) => a.start - b.start);
    for (const r of rows) console.log(`${String(r.start).padStart(6)} ${String(r.end).padStart(6)} ${String(Math.round(r.bytes / 102.4) / 10).padStart(7)} KB  ${r.url}`);
    console.log(`ready ${ready} ms, idle ${idle} ms, ${Math.round(rows.reduce((s, r) => s + r.bytes, 0) / 1024)} KB\n`);
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

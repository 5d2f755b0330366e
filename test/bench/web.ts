import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../server/app.js';
import { loadConfig, repoRoot } from '../../server/config.js';
import { launchChromium } from '../e2e/browser.js';
import { bundleSize, measureFirstView } from '../e2e/measure-first-view.js';
import { measureGraphiql } from '../e2e/measure-graphiql.js';

/**
 * `npm run bench:web`: on the embedded database, time from navigation to the first fully rendered
 * map (MapLibre idle with the data drawn), bytes and requests of that first view, and the gzipped
 * JavaScript bundle. Figures only.
 */
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const dir = mkdtempSync(path.join(tmpdir(), 'atlas-bench-web-'));
const app = await startApp({ ...loadConfig({}), port: 0, database: { kind: 'pglite', dataDir: path.join(dir, 'pglite') } }, { log: () => {} });
const browser = await launchChromium();
try {
  console.log('Atlas Partnerstw web benchmark (embedded database; figures only)');
  for (const run of ['first view (fresh browser context)', 'again (server warm)']) {
    const view = await measureFirstView(`${app.url}/`, { browser });
    console.log(`\n${run}`);
    console.log(`  navigation → map idle:  ${(view.msToIdle / 1000).toFixed(2)} s`);
    console.log(`  transferred:            ${kb(view.bytesTransferred)} (compressed as sent), ${kb(view.bytesDecoded)} decoded, in ${view.requests} requests`);
    for (const [label, bytes] of Object.entries(view.apiBytesByLabel)) console.log(`    API ${label.padEnd(20)} ${kb(bytes)}`);
  }
  const bundle = bundleSize(path.join(repoRoot, 'web', 'dist'));
  console.log(`\nJS bundle: ${kb(bundle.bytes)} raw, ${kb(bundle.gzipBytes)} gzipped`);
  for (const f of bundle.files) console.log(`  ${f.file.padEnd(40)} ${kb(f.bytes)} raw, ${kb(f.gzipBytes)} gzipped`);
  // GraphiQL is a page of its own (GET /graphql); none of its bytes are in the map's first view.
  const ide = await measureGraphiql(app.url, browser);
  console.log(`\nGraphiQL at /graphql (separate page): ${kb(ide.bytesTransferred)} transferred, ${kb(ide.bytesDecoded)} decoded in ${ide.requests} requests, settled in ${(ide.msToSettled / 1000).toFixed(2)} s`);
} finally {
  await browser.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig, repoRoot } from '../../server/config.js';
import { launchChromium } from '../e2e/browser.js';
import { bundleSize, measureFirstView, type FirstView } from '../e2e/measure-first-view.js';
import { measureGraphiql } from '../e2e/measure-graphiql.js';
import { writeBlankMap } from './blank-map.js';

/**
 * `npm run bench:web`: on the embedded database, the map's first view (navigation to MapLibre idle
 * with the data drawn) as ratios measured in this one run: bytes transferred ÷ the naive download
 * (every gmina as plain GeoJSON, uncompressed; goal ≤ 0.15) and time to idle ÷ a blank MapLibre map
 * served by the same server (goal ≤ 1.5). Then the figures behind them and the bundle.
 */
const GOALS = { bytes: 0.15, time: 1.5 };
// Both sides are timed without a log line per request.
process.env.REQUEST_LOG ??= 'off';
const ROUNDS = 3;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ratio: number, goal: number) => `${ratio.toFixed(3)} (goal ≤ ${goal}) ${ratio <= goal ? 'PASS' : 'FAIL'}`;

/** Bytes of every gmina's boundary as one plain GeoJSON FeatureCollection (teryt and name as properties). */
async function naiveGminyBytes(app: RunningApp): Promise<number> {
  const rows = await app.orm.em.fork().getConnection().execute<{ bytes: number }[]>(
    `select octet_length(json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
       'type', 'Feature', 'properties', json_build_object('teryt', teryt, 'name', name), 'geometry', ST_AsGeoJSON(boundary)::json)))::text) as bytes
     from jst where level = 'MUNICIPALITY'`, [], 'all');
  return Number(rows[0].bytes);
}

const dir = mkdtempSync(path.join(tmpdir(), 'atlas-bench-web-'));
const app = await startApp({ ...loadConfig({}), port: 0, database: { kind: 'pglite', dataDir: path.join(dir, 'pglite') } }, { log: () => {} });
const blank = writeBlankMap();
const browser = await launchChromium();
try {
  console.log('Atlas Partnerstw web benchmark (embedded database; ratios within this run)');
  const naive = await naiveGminyBytes(app);
  // Warm the server (its read cache and tile cache) once, so both sides are timed on a warm server.
  await measureFirstView(`${app.url}/`, { browser });
  await measureFirstView(`${app.url}${blank.page}`, { browser });
  const views: FirstView[] = [];
  const blanks: FirstView[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    views.push(await measureFirstView(`${app.url}/`, { browser }));
    blanks.push(await measureFirstView(`${app.url}${blank.page}`, { browser }));
  }
  const bytes = median(views.map((v) => v.bytesTransferred));
  const ms = median(views.map((v) => v.msToIdle));
  const blankMs = median(blanks.map((v) => v.msToIdle));
  console.log(`\nfirst-view bytes ÷ naive gminy GeoJSON:   ${verdict(bytes / naive, GOALS.bytes)}   (${kb(bytes)} ÷ ${kb(naive)})`);
  const blankBytes = median(blanks.map((v) => v.bytesTransferred));
  // For reading the first ratio: MapLibre alone (the blank map) is most of the first view's bytes.
  console.log(`  of which beyond the blank map's:        ${((bytes - blankBytes) / naive).toFixed(3)}   (${kb(bytes - blankBytes)}: app, tiles, API)`);
  console.log(`time to idle ÷ blank MapLibre map:        ${verdict(ms / blankMs, GOALS.time)}   (${ms} ms ÷ ${blankMs} ms, medians of ${ROUNDS})`);
  const view = views[0];
  console.log(`\nfirst view (fresh browser context): ${kb(view.bytesTransferred)} transferred (compressed as sent), ${kb(view.bytesDecoded)} decoded, in ${view.requests} requests`);
  for (const [label, n] of Object.entries(view.apiBytesByLabel)) console.log(`    API ${label.padEnd(20)} ${kb(n)}`);
  console.log(`blank map: ${kb(blanks[0].bytesTransferred)} transferred in ${blanks[0].requests} requests`);
  const bundle = bundleSize(path.join(repoRoot, 'web', 'dist'));
  console.log(`\nJS bundle: ${kb(bundle.bytes)} raw, ${kb(bundle.gzipBytes)} gzipped`);
  for (const f of bundle.files) console.log(`  ${f.file.padEnd(40)} ${kb(f.bytes)} raw, ${kb(f.gzipBytes)} gzipped`);
  // GraphiQL is a page of its own (GET /graphql); none of its bytes are in the map's first view.
  const ide = await measureGraphiql(app.url, browser);
  console.log(`\nGraphiQL at /graphql (separate page): ${kb(ide.bytesTransferred)} transferred, ${kb(ide.bytesDecoded)} decoded in ${ide.requests} requests, settled in ${(ide.msToSettled / 1000).toFixed(2)} s`);
} finally {
  blank.remove();
  await browser.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

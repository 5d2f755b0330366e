import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../server/app.js';
import { loadConfig, type AppConfig, type DatabaseConfig } from '../../server/config.js';
import { openOrm, type Em } from '../../server/db/orm.js';
import { asOfBench } from './asof.js';
import { fmt, fmtStats, sample, timed } from './measure.js';
import { measureReads, post, readCases, type ReadResult } from './reads.js';
import { typenameRatio } from './throughput.js';
import { TileBench } from './tiles.js';
import { timeBench } from './timemap.js';
import { versionsBench } from './versions.js';

/**
 * `npm run bench`: start-up (first and later), geodata import, and API p50 ÷ the same work in raw
 * SQL on the embedded database and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a PostGIS
 * server, on that too; then embedded ÷ PostGIS per query and `{__typename}` requests/s ÷ a bare
 * Fastify route. Ratios are taken within one run, so the machine's speed cancels out.
 */
interface BackendRun {
  name: string;
  reads: ReadResult[];
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

// The API's own cost is measured, not writing a log line per request (and thousands of them would bury the figures).
process.env.REQUEST_LOG ??= 'off';

/** The partnership whose functional area has the most vertices: the heaviest single geometry. */
async function largestArea(em: Em): Promise<string> {
  const rows = (await em.getConnection().execute(`select slug from partnership where area is not null order by ST_NPoints(area) desc, slug limit 1`)) as { slug: string }[];
  return rows[0]!.slug;
}

async function benchBackend(name: string, database: DatabaseConfig, dispose: () => Promise<void>, extra?: (url: string, em: Em) => Promise<string[]>): Promise<BackendRun> {
  const config: AppConfig = { ...loadConfig({}), database, port: 0 };
  const lines: string[] = [];
  const importLines: string[] = [];
  const first = await timed(() => startApp(config, { log: (l) => void (/^(geodata|seed):/.test(l) && importLines.push(l)) }));
  const app = first.value;
  lines.push(`start-up, first (migrate + import Poland + seed): ${fmt(first.ms)}`, ...importLines.map((l) => `  ${l}`));
  const em = app.orm.em.fork() as Em;
  const reads = await measureReads(app.url, em, readCases(await largestArea(em)));
  for (const r of reads) {
    const ratio = r.api.p50 / r.sql.p50;
    lines.push(
      `${r.name}`,
      `  API ${fmtStats(r.api)}`,
      `  SQL ${fmtStats(r.sql)}`,
      `  SQL behind a bare Fastify route, same client ${fmtStats(r.sqlOverHttp)}`,
      `  API ÷ SQL = ${ratio.toFixed(2)}× (goal ≤ ${r.goal}×) ${verdict(ratio <= r.goal)}; API ÷ SQL over bare HTTP = ${(r.api.p50 / r.sqlOverHttp.p50).toFixed(2)}×`,
    );
  }
  lines.push(`jstFeatures(MUNICIPALITY, 0.005, 4): ${fmtStats(await sample(5, () => post(app.url, `{ jstFeatures(level: MUNICIPALITY, simplify: 0.005, precision: 4) }`), 1))}`);
  lines.push(...(await asOfBench(app.url)));
  if (extra) lines.push(...(await extra(app.url, em)));
  lines.push(...(await versionsBench(app.url, em)));
  await app.close();
  const later = await timed(() => startApp(config, { log: () => {} }));
  lines.push(`start-up, later (data already there): ${fmt(later.ms)}`);
  await later.value.close();
  await dispose();
  console.log(`\n${name}\n${'-'.repeat(name.length)}\n${lines.join('\n')}`);
  return { name, reads };
}

/** `{__typename}` throughput of the API against a bare Fastify JSON route. */
async function throughput(url: string): Promise<string[]> {
  const { api, bare } = await typenameRatio(url);
  const ratio = api / bare;
  return [`{__typename}: API ${api.toFixed(0)} req/s, bare Fastify ${bare.toFixed(0)} req/s: ${ratio.toFixed(2)} (goal ≥ 0.6) ${verdict(ratio >= 0.6)}`];
}

/** Vector tiles on both backends, divided by raw ST_AsMVT on the server (see tiles.ts). */
const tiles = new TileBench();

async function onServer(serverUrl: string): Promise<BackendRun> {
  const dbName = `atlas_bench_${Date.now()}`;
  const admin = await openOrm({ kind: 'postgresql', url: serverUrl });
  await admin.em.getConnection().execute(`create database "${dbName}"`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const drop = async () => {
    const again = await openOrm({ kind: 'postgresql', url: serverUrl });
    await again.em.getConnection().execute(`drop database if exists "${dbName}" with (force)`);
    await again.close();
  };
  return benchBackend(`server: PostgreSQL + PostGIS at ${url.host}`, { kind: 'postgresql', url: url.toString() }, drop, (app, em) => tiles.onServer(app, em, url.toString()));
}

async function main(): Promise<void> {
  console.log('Atlas Partnerstw benchmark: API p50 ÷ raw SQL p50 on the same database, in one run');
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-bench-'));
  const embedded = await benchBackend(
    'embedded: PGlite + PostGIS (data dir on disk)',
    { kind: 'pglite', dataDir: path.join(dir, 'pglite') },
    async () => rmSync(dir, { recursive: true, force: true }),
    async (url, em) => [...(await throughput(url)), ...(await tiles.onEmbedded(url, em)), ...(await timeBench(url))],
  );
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log('\nserver: PostgreSQL + PostGIS — SKIPPED (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  const server = await onServer(serverUrl);
  console.log('\nembedded ÷ PostGIS, API p50 (goal ≤ 2×)\n---------------------------------------');
  for (const [i, e] of embedded.reads.entries()) {
    const ratio = e.api.p50 / server.reads[i]!.api.p50;
    console.log(`${e.name}: ${fmt(e.api.p50)} ÷ ${fmt(server.reads[i]!.api.p50)} = ${ratio.toFixed(2)}× ${verdict(ratio <= 2)}`);
  }
}

await main();

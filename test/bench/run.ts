import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../server/app.js';
import { loadConfig, type AppConfig, type DatabaseConfig } from '../../server/config.js';
import { openOrm } from '../../server/db/orm.js';
import { fmt, fmtStats, sample, timed } from './measure.js';

/**
 * `npm run bench`: start-up (first and later), geodata import, and API latencies on the embedded
 * database and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a PostGIS server, on that too.
 */
const FIFTY = `{ partnerships(first: 50) { edges { node { slug leader { name } members { role jst { teryt name } } participations { status programme { code } } } } } }`;

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/** Deterministic points spread over Poland's bounding box (lng 14.1–24.2, lat 49.0–54.9). */
const point = (i: number) => ({ lon: 14.1 + ((i * 7.31) % 10.1), lat: 49.0 + ((i * 3.17) % 5.9) });

async function benchBackend(name: string, database: DatabaseConfig, dispose: () => Promise<void>): Promise<void> {
  const config: AppConfig = { ...loadConfig({}), database, port: 0 };
  const lines: string[] = [];
  const importLines: string[] = [];
  const first = await timed(() => startApp(config, { log: (l) => void (/^(geodata|seed):/.test(l) && importLines.push(l)) }));
  const app = first.value;
  lines.push(`start-up, first (migrate + import Poland + seed): ${fmt(first.ms)}`);
  lines.push(...importLines.map((l) => `  ${l}`));
  lines.push(`partnershipsAt(lon, lat):            ${fmtStats(await sample(100, (i) => post(app.url, `query($lon: Float!, $lat: Float!) { partnershipsAt(lon: $lon, lat: $lat) { slug name } }`, point(i))))}`);
  lines.push(`partnerships(first: 50) + members:   ${fmtStats(await sample(30, () => post(app.url, FIFTY)))}`);
  lines.push(`coverage (all) :                     ${fmtStats(await sample(20, () => post(app.url, `{ coverage { gminyShare areaShare byVoivodeship { gminyShare } } }`)))}`);
  lines.push(`coverage(programme: "CWD-PLUS"):     ${fmtStats(await sample(20, () => post(app.url, `{ coverage(programme: "CWD-PLUS") { gminyShare areaShare byVoivodeship { gminyShare } } }`)))}`);
  lines.push(`jstFeatures(MUNICIPALITY, 0.005, 4): ${fmtStats(await sample(5, () => post(app.url, `{ jstFeatures(level: MUNICIPALITY, simplify: 0.005, precision: 4) }`), 1))}`);
  await app.close();
  const later = await timed(() => startApp(config, { log: () => {} }));
  lines.push(`start-up, later (data already there): ${fmt(later.ms)}`);
  await later.value.close();
  await dispose();
  console.log(`\n${name}\n${'-'.repeat(name.length)}\n${lines.join('\n')}`);
}

async function main(): Promise<void> {
  console.log('Atlas Partnerstw benchmark (figures only; nothing here passes or fails)');
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-bench-'));
  await benchBackend('embedded: PGlite + PostGIS (data dir on disk)', { kind: 'pglite', dataDir: path.join(dir, 'pglite') }, async () => rmSync(dir, { recursive: true, force: true }));

  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    console.log('\nserver: PostgreSQL + PostGIS — SKIPPED (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  const dbName = `atlas_bench_${Date.now()}`;
  const admin = await openOrm({ kind: 'postgresql', url: serverUrl });
  await admin.em.getConnection().execute(`create database "${dbName}"`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  await benchBackend(`server: PostgreSQL + PostGIS at ${url.host}`, { kind: 'postgresql', url: url.toString() }, async () => {
    const again = await openOrm({ kind: 'postgresql', url: serverUrl });
    await again.em.getConnection().execute(`drop database if exists "${dbName}" with (force)`);
    await again.close();
  });
}

await main();

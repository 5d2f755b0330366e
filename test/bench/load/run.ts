import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../../server/app.js';
import { Role } from '../../../server/auth/role.js';
import { TokenService } from '../../../server/auth/token.service.js';
import { loadConfig, type DatabaseConfig } from '../../../server/config.js';
import { openOrm, type Em } from '../../../server/db/orm.js';
import { query } from '../../../server/db/sql.js';
import { startWriter } from '../edit-writer.js';
import { formatProbe, runHeavyProbe, TRIVIAL_P99_GOAL_MS } from './heavy.js';
import { formatResult, runLoad, type WriterSlot } from './load.js';
import { formatImport, largeImportCsv, measureImport } from './import-bench.js';
import { readOperations } from './workload.js';

/**
 * `npm run bench:load`: starts the server on loopback (embedded database in a temporary directory,
 * or a database of its own on BENCH_DATABASE_URL's server), runs LOAD_CLIENTS (8) readers for
 * LOAD_SECONDS (20) with a mixed read workload, and one editing client beside them (LOAD_WRITER=0
 * leaves it out) that checks at the end that no write was lost or corrupted. Prints req/s and
 * p50/p99 per operation type and overall, and error counts; exits 1 if a write was lost.
 * Then (LOAD_IMPORT=0 leaves it out) one 20,000-row spreadsheet import over HTTP, printed as
 * import rows/s with the slowest read that waited beside it.
 * Then the heavy-read probe (heavy.ts; HEAVY_SECONDS, default 10, for each phase): a trivial read's p50/p99
 * alone and beside four of the heaviest allowed reads, with the goal and PASS/FAIL.
 * LOAD_SECONDS=0 skips the mixed load.
 * Readers come from loopback without X-Forwarded-For, so the anonymous rate limit leaves them alone.
 */
process.env.REQUEST_LOG ??= 'off'; // a line per request would bury the figures
const seconds = Number(process.env.LOAD_SECONDS ?? 20);
const clients = Number(process.env.LOAD_CLIENTS ?? 8);
const withWriter = process.env.LOAD_WRITER !== '0';
const withImport = process.env.LOAD_IMPORT !== '0';
const heavySeconds = Number(process.env.HEAVY_SECONDS ?? 10);

async function database(): Promise<{ database: DatabaseConfig; dispose: () => Promise<void>; name: string }> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'atlas-load-'));
    return { name: 'embedded PGlite + PostGIS', database: { kind: 'pglite', dataDir: path.join(dir, 'pglite') }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const dbName = `atlas_load_${Date.now()}`;
  const admin = await openOrm({ kind: 'postgresql', url: serverUrl });
  await admin.em.getConnection().execute(`create database "${dbName}"`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return {
    name: `PostgreSQL + PostGIS at ${url.host}`,
    database: { kind: 'postgresql', url: url.toString() },
    async dispose() {
      const again = await openOrm({ kind: 'postgresql', url: serverUrl });
      await again.em.getConnection().execute(`drop database if exists "${dbName}" with (force)`);
      await again.close();
    },
  };
}

async function gql<T>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function main(): Promise<void> {
  const db = await database();
  console.log(`Atlas Partnerstw load run on ${db.name}: ${clients} readers for ${seconds} s${withWriter ? ', one editing client beside them' : ''} (figures only)`);
  const app = await startApp({ ...loadConfig({}), database: db.database, port: 0, host: '127.0.0.1' }, { log: (l) => void (/^(geodata|seed):/.test(l) && console.log(`  ${l}`)) });
  try {
    const { jsts } = await gql<{ jsts: { edges: { node: { teryt: string } }[] } }>(app.url, `{ jsts(filter: { level: MUNICIPALITY }, first: 200) { edges { node { teryt } } } }`);
    const teryts = jsts.edges.map((e) => e.node.teryt);
    let writer: WriterSlot | undefined;
    if (withWriter) {
      const { partnerships } = await gql<{ partnerships: { edges: { node: { slug: string } }[] } }>(app.url, `{ partnerships(first: 1) { edges { node { slug } } } }`);
      const token = await new TokenService(app.orm.em.fork() as Em).create(`load-writer-${Date.now()}`, Role.ADMIN, null);
      writer = async (url) => startWriter(url, token.secret, partnerships.edges[0]!.node.slug);
    }
    const result = seconds > 0 ? await runLoad({ url: app.url, operations: readOperations(teryts), seconds, clients, writer }) : undefined;
    if (result) console.log(`\n${formatResult(result)}`);
    if (result?.writer) {
      const report = result.writer as { accepted: number; conflicts: number; errors: number; lostOrCorrupted: number; checks: string[] };
      console.log(`\nwriter: ${report.accepted} writes accepted, ${report.conflicts} conflicts, ${report.errors} errors, ${report.lostOrCorrupted} lost or corrupted`);
      for (const check of report.checks) console.log(`  ${check}`);
      if (report.lostOrCorrupted > 0) process.exitCode = 1;
    }
    if (withImport) {
      const all = await query<{ teryt: string }>(app.orm.em.fork() as Em, `select teryt from jst where level = 'MUNICIPALITY' order by teryt limit 2000`);
      const token = await new TokenService(app.orm.em.fork() as Em).create(`load-import-${Date.now()}`, Role.EDITOR, null);
      console.log(`\n${formatImport(await measureImport(app.url, token.secret, largeImportCsv(all.map((j) => j.teryt)), teryts))}`);
    }
    if (heavySeconds > 0) {
      console.log(`\nheavy-read probe: ${heavySeconds} s of trivial reads alone, then ${heavySeconds} s beside 4 heavy readers (goal: p99 ≤ ${TRIVIAL_P99_GOAL_MS} ms)`);
      console.log(formatProbe(await runHeavyProbe(app.url, heavySeconds)));
    }
  } finally {
    await app.close();
    await db.dispose();
  }
}

await main();

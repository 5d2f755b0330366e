import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../server/config.js';
import { createServerDatabase } from '../support/database.js';
import { BUILD_RELEASE, INSTALL_RELEASE, MIGRATE_RELEASE, releaseEnv, START_RELEASE } from '../support/release.js';
import { graphql, seededDataDir, startServer, stopServer, type ServerProcess } from './spawned.js';

const serverUrl = process.env.TEST_DATABASE_URL;
/** Paths (`node_modules/…`) of the packages the lockfile marks as needed only by dev dependencies. */
function devOnlyPackages(folder: string): string[] {
  const lock = JSON.parse(readFileSync(path.join(folder, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  return Object.entries(lock.packages).flatMap(([where, entry]) => (entry.dev ? [where] : []));
}

/** Starts the release as production does (START_RELEASE, plain Node, its own node_modules), asks it for health and data, stops it. */
async function serveFromRelease(release: string, dataDir: string, extra: Record<string, string>): Promise<{ output: string; ready: number; jst: unknown }> {
  let server: ServerProcess | undefined;
  try {
    server = await startServer(dataDir, { NODE_ENV: 'production', ...extra }, undefined, { node: START_RELEASE[0]!, root: release, base: releaseEnv() });
    if (!server.url) throw new Error(`the release did not start:\n${server.output()}`);
    const ready = (await fetch(`${server.url}/health/ready`)).status;
    const { body } = await graphql(server.url, '{ jst(teryt: "1261011") { name kind } }');
    return { output: server.output(), ready, jst: body.data?.jst ?? body.errors };
  } finally {
    if (server) await stopServer(server);
  }
}

describe('the production path: build once, npm ci --omit=dev, start dist/ on plain Node', () => {
  const release = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-release-')), 'release');
  let database: Awaited<ReturnType<typeof createServerDatabase>> | undefined;

  afterAll(async () => {
    await database?.drop();
    rmSync(path.dirname(release), { recursive: true, force: true });
  });

  it('builds a release that installs without dev dependencies and serves on PostgreSQL and on an embedded directory', async () => {
    execFileSync('bash', [BUILD_RELEASE, release], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env } });
    const [npm, ...args] = INSTALL_RELEASE;
    execFileSync(npm!, args, { cwd: release, stdio: 'inherit', env: releaseEnv() });

    // Nothing only the build or the tests need was installed (@types/node stays: type-graphql depends on it),
    // and no source or test came along.
    const devOnly = devOnlyPackages(release);
    expect(devOnly).toEqual(expect.arrayContaining(['node_modules/typescript', 'node_modules/node', 'node_modules/@turf/bbox', 'node_modules/maplibre-gl']));
    expect(devOnly.filter((where) => existsSync(path.join(release, where)))).toEqual([]);
    expect(['dist/server/main.js', 'dist/server/db/migrate-cli.js', 'web/dist/index.html', 'server/seed/data/partnerships.json'].filter((f) => !existsSync(path.join(release, f)))).toEqual([]);
    expect(['server/app.ts', 'test', 'dist/test', 'node_modules/.bin/tsc'].filter((f) => existsSync(path.join(release, f)))).toEqual([]);

    const krakow = { name: 'Kraków', kind: expect.any(String) };
    if (serverUrl) {
      // A fresh database, as compose runs it: the release's migration job, then the server (not migrating
      // itself) loads the boundaries and the seed from the release's own files.
      database = await createServerDatabase(serverUrl);
      const onServer = { DATABASE_URL: database.url };
      const [node, ...migrate] = MIGRATE_RELEASE;
      expect(execFileSync(node!, migrate, { cwd: release, encoding: 'utf8', env: releaseEnv(onServer) })).toMatch(/^migrations: applied /);
      const served = await serveFromRelease(release, path.join(release, 'unused-pglite'), { ...onServer, MIGRATE_ON_START: 'false' });
      expect(served).toEqual({ output: expect.stringContaining('seed: '), ready: 200, jst: krakow });
    }
    const embedded = await serveFromRelease(release, await seededDataDir(), {});
    expect(embedded).toEqual({ output: expect.stringContaining('database: embedded PGlite'), ready: 200, jst: krakow });
  });
});

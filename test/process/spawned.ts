import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../server/config.js';
import { SHARED_GEODATA } from '../../geodata/locate-source.js';
import { writeSeededDataDir } from '../support/database.js';
import { runCachedFile, runDir } from '../support/run-cache.js';

/**
 * Real processes for the process tests: the built server (`node dist/server/main.js`) and the
 * built CLIs, each on an embedded data directory in a temporary folder, outside jest's process.
 */

const GEODATA = process.env.GEODATA_SOURCE ?? SHARED_GEODATA;

/**
 * Compiles the server and CLIs to dist/ (what `npm start` and `npm run token` run): once per jest
 * run (the run's folder remembers it; see test/support/run-cache.ts), else once per test file.
 */
export function buildDist(): void {
  const dir = runDir();
  const built = dir && path.join(dir, 'dist.built');
  if (built && existsSync(built) && existsSync(path.join(repoRoot, 'dist/server/main.js'))) return;
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
  if (built) writeFileSync(built, '');
}

/**
 * The environment of a spawned process: the embedded database in `dataDir` (unless `extra` sets
 * DATABASE_URL: never inherited from the test's own environment), any port, no request log.
 */
export function processEnv(dataDir: string, extra: Record<string, string> = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, PGLITE_DATA_DIR: dataDir, PORT: '0', REQUEST_LOG: 'off', GEODATA_SOURCE: GEODATA };
  delete env.DATABASE_URL;
  return { ...env, ...extra };
}

export interface ServerProcess {
  child: ChildProcess;
  /** Base URL, e.g. http://127.0.0.1:41234 (empty when the server did not start). */
  url: string;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves when it has exited, with its exit code (null when a signal killed it) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const READY = /GraphQL API: (http:\/\/\S+)\/graphql/;

/**
 * Which server to run: the Node binary, the folder holding `dist/server/main.js` and the
 * environment to start from (default: this checkout, jest's Node and environment).
 */
export interface Launch {
  node: string;
  root: string;
  base?: NodeJS.ProcessEnv;
}

/**
 * Spawns the built server on `dataDir` and resolves once its output matches `until` (default: it
 * serves; `url` is then its address), or once it has exited (`url` then '').
 */
export async function startServer(
  dataDir: string,
  extra: Record<string, string> = {},
  until: RegExp = READY,
  { node, root, base }: Launch = { node: process.execPath, root: repoRoot },
): Promise<ServerProcess> {
  const env = processEnv(dataDir, extra, base);
  const child = spawn(node, [path.join(root, 'dist/server/main.js')], { cwd: root, env });
  let text = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = until.exec(text);
      if (match) resolve(READY.exec(text)?.[1] ?? '');
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => resolve(''));
  });
  return { child, url, output: () => text, exited };
}

/** Sends `signal` and waits for the exit (bounded: kill -9 after `ms`). */
export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM', ms = 30_000) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), ms);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built CLI (e.g. `dist/server/auth/token-cli.js`) on `dataDir` and collects its output. */
export function runCli(script: string, args: string[], dataDir: string, extra: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [path.join(repoRoot, script), ...args], { cwd: repoRoot, env: processEnv(dataDir, extra) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** A fresh temporary folder; the data directory inside it is `<folder>/pglite`. */
export const tempDataDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'atlas-process-')), 'pglite');

/**
 * A data directory as after a first `npm start` (boundaries and seed loaded), copied for each test
 * from one made once per jest run out of the run's seeded database (test/support/seeded-copy.ts);
 * outside a jest run, made by a first start of the built server.
 */
export async function seededDataDir(): Promise<string> {
  const template = (await runCachedFile('pglite-seeded-dir', writeSeededDataDir)) ?? (await firstStartDataDir());
  const copy = tempDataDir();
  cpSync(template, copy, { recursive: true });
  return copy;
}

/** A data directory made by a first start of the built server. */
async function firstStartDataDir(): Promise<string> {
  const dataDir = tempDataDir();
  const server = await startServer(dataDir);
  if (!server.url) throw new Error(`the server did not start:\n${server.output()}`);
  const { code } = await stopServer(server);
  if (code !== 0) throw new Error(`the server exited with ${code}:\n${server.output()}`);
  return dataDir;
}

/** Posts a GraphQL operation and returns the status and parsed body. */
export async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

/** Chromium for the browser tests: Debian's /usr/bin/chromium through playwright-core, WebGL via SwiftShader. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../../server/app.js';
import { loadConfig, repoRoot } from '../../server/config.js';
import { openSeededDatabase } from '../support/database.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Where browser tests leave their screenshots. */
export const E2E_OUT = path.join(repoRoot, 'test-output', 'e2e');

export interface BrowserTestSetup {
  app: RunningApp;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real server on a seeded embedded database of its own, and Chromium, for one browser test file. `page`
 * is the built page the file tests (web/dist/…): npm test builds the app first, so a missing build
 * fails loudly, never skips the browser tests.
 */
export async function startBrowserTest(page: 'index.html' | 'graphiql.html'): Promise<BrowserTestSetup> {
  if (!existsSync(path.join(repoRoot, 'web', 'dist', page))) throw new Error(`web/dist/${page} is missing: run \`npm run web:build\` (npm test does it first)`);
  mkdirSync(E2E_OUT, { recursive: true });
  // A copy of the run's seeded database: the server's start finds it ready, as any later start would.
  const db = await openSeededDatabase({ kind: 'pglite', dataDir: 'memory://' });
  const app = await startApp({ ...loadConfig({}), port: 0, database: db.database }, { orm: db.orm, log: () => undefined });
  const browser = await launchChromium();
  return {
    app,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await db.dispose();
    },
  };
}

import path from 'node:path';
import { repoRoot } from '../../server/config.js';

/**
 * The production path, as commands: the production-path test runs them, and the Dockerfile and
 * compose.yaml must run exactly these (test/process/release-files.test.ts compares them).
 */

/** Builds once (tsc + Vite) and assembles the release folder given as its one argument. */
export const BUILD_RELEASE = 'scripts/build-release.sh';

/** Installs the release's runtime dependencies, inside the release folder. */
export const INSTALL_RELEASE = ['npm', 'ci', '--omit=dev', '--no-audit', '--no-fund'];

/** Starts the server from the release folder (`npm run start:prod`). */
export const START_RELEASE = ['node', 'dist/server/main.js'];

/** Applies the migrations from the release folder (`npm run db:migrate`). */
export const MIGRATE_RELEASE = ['node', 'dist/server/db/migrate-cli.js'];

/** A plain Node ≥ 22 outside any npm script: the project's dev dependency `node` (Node 24), its bin folder alone. */
export const PLAIN_NODE_BIN = path.join(repoRoot, 'node_modules', 'node', 'bin');

/**
 * The environment of a release process: this one's, without what npm or jest put there (npm_*
 * settings, NODE_PATH, NODE_OPTIONS, the checkout's node_modules/.bin on PATH), so the release can
 * only use its own node_modules and the plain Node in front of the system's tools.
 */
export function releaseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|NODE_PATH$|NODE_OPTIONS$|PATH$|INIT_CWD$|DATABASE_URL$)/i.test(key)) env[key] = value;
  }
  return { ...env, PATH: [PLAIN_NODE_BIN, '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter), ...extra };
}

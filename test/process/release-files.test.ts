import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { repoRoot } from '../../server/config.js';
import { requiredNode, satisfies } from '../../server/node-version.js';
import { BUILD_RELEASE, INSTALL_RELEASE, MIGRATE_RELEASE, START_RELEASE } from '../support/release.js';
import { buildDist, processEnv, tempDataDir } from './spawned.js';

/**
 * Docker cannot run here, so the Dockerfile and compose.yaml are held to the production path the
 * production-path test runs: the same build script, install command and start command. Also: the
 * compiled server imports only declared runtime dependencies, and an old Node is refused clearly.
 */

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string>; engines: { node: string } };

/** The Dockerfile's instructions per stage (`FROM … AS name`), continuation lines joined, comments dropped. */
function dockerStages(text: string): Map<string, string[]> {
  const stages = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of text.replace(/\\\n\s*/g, '').split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (from) stages.set(from[1]!, (current = []));
    else current.push(line);
  }
  return stages;
}

/** A service's block of compose.yaml (its indented lines), by name. */
function composeService(text: string, name: string): string {
  const match = new RegExp(`^  ${name}:\\n((?:    .*\\n|\\n)+)`, 'm').exec(text);
  if (!match) throw new Error(`compose.yaml has no service ${name}`);
  return match[1]!;
}

/** The exec-form command of a compose service (`command: ["node", …]`). */
const composeCommand = (service: string) => JSON.parse(/^ {4}command: (\[.*\])$/m.exec(service)?.[1] ?? 'null') as unknown;

describe('Dockerfile and compose.yaml run the tested production path', () => {
  const stages = dockerStages(read('Dockerfile'));

  it('the build stage runs the release script; the runtime stage installs and starts it as the test does', () => {
    const build = stages.get('build')!;
    const runtime = stages.get('runtime')!;
    const built = build.map((line) => new RegExp(`^RUN ${BUILD_RELEASE} (/\\S+)$`).exec(line)).find(Boolean);
    expect(built).toBeTruthy();
    expect(runtime).toContain(`COPY --from=build ${built![1]} ./`);
    // The exact install command, then at most a cache clean-up in the same layer.
    expect(runtime.filter((line) => line.startsWith('RUN npm'))).toEqual([expect.stringMatching(new RegExp(`^RUN ${INSTALL_RELEASE.join(' ')}( && npm cache clean --force)?$`))]);
    const cmd = runtime.at(-1)!;
    expect(cmd.startsWith('CMD [') && JSON.parse(cmd.slice('CMD '.length))).toEqual(START_RELEASE);
  });

  it('the runtime stage runs as a non-root user, keeps the embedded data in a volume and checks /health/ready', () => {
    const runtime = stages.get('runtime')!;
    const user = runtime.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toMatch(/^USER (?!root\b|0\b)\S+$/);
    const dataDir = /PGLITE_DATA_DIR=(\S+)/.exec(runtime.join(' '))?.[1];
    expect(runtime).toContain(`VOLUME ["${path.posix.dirname(dataDir!)}"]`);
    expect(runtime.find((line) => line.startsWith('HEALTHCHECK'))).toContain('/health/ready');
  });

  it('compose: a one-shot migrate service, then the app without migrating itself, both with the release commands', () => {
    const compose = read('compose.yaml');
    expect(composeCommand(composeService(compose, 'migrate'))).toEqual(MIGRATE_RELEASE);
    const app = composeService(compose, 'app');
    expect(composeCommand(app)).toEqual(START_RELEASE);
    expect(app).toMatch(/MIGRATE_ON_START: "false"/);
    expect(app).toMatch(/migrate:\n\s+condition: service_completed_successfully/);
    expect(composeService(compose, 'db')).toMatch(/image: postgis\/postgis:15-3\.\d+\n[\s\S]*healthcheck:/);
  });

  it('npm run start:prod and npm run db:migrate are the same commands', () => {
    expect(pkg.scripts['start:prod']).toBe(START_RELEASE.join(' '));
    expect(pkg.scripts['db:migrate']).toBe(MIGRATE_RELEASE.join(' '));
  });
});

/** Every bare module specifier the compiled JavaScript under `dir` imports, statically or dynamically. */
function importedPackages(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    const statements = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
    for (const match of code.matchAll(statements)) {
      const specifier = match[1] ?? match[2] ?? match[3]!;
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
      const parts = specifier.split('/');
      found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return found;
}

describe('the built server and CLIs', () => {
  beforeAll(() => buildDist());

  it('import only declared runtime dependencies and Node built-ins', () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const imported = new Set([...importedPackages(path.join(repoRoot, 'dist/server')), ...importedPackages(path.join(repoRoot, 'dist/geodata'))]);
    expect(imported.has('type-graphql')).toBe(true); // the scan sees imports at all
    expect([...imported].filter((name) => !builtins.has(name) && !(name in pkg.dependencies)).sort()).toEqual([]);
  });

  it('refuse an old Node with one coded line (NODE_TOO_OLD), before loading anything else', () => {
    expect(requiredNode()).toEqual(pkg.engines.node.match(/(\d+)\.(\d+)/)!.slice(1).map(Number));
    expect([satisfies('22.16.0', [22, 17]), satisfies('22.17.0', [22, 17]), satisfies('24.1.0', [22, 17]), satisfies('20.20.2', [22, 17])]).toEqual([false, true, true, false]);
    const systemNode = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim().slice(1);
    if (satisfies(systemNode, requiredNode())) return; // no old Node on this machine to try
    for (const script of ['dist/server/main.js', 'dist/server/db/migrate-cli.js', 'dist/server/auth/token-cli.js', 'dist/server/import/import-cli.js', 'dist/geodata/cli.js',
      'dist/server/population/population-cli.js', 'dist/server/jst/teryt-history-cli.js']) {
      // Bounded: without the check the old Node would start serving and never exit.
      const run = spawnSync('/usr/bin/node', [path.join(repoRoot, script)], { encoding: 'utf8', timeout: 60_000, env: processEnv(tempDataDir()) });
      expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 1, stderr: expect.stringMatching(/^error \[NODE_TOO_OLD\] this is Node 20\.\S+; the atlas needs Node 22\.17 or newer/) });
    }
  });
});

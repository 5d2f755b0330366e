import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './config.js';

/**
 * Refuses to run on a Node older than package.json's `engines.node` (MikroORM 7 needs 22.17):
 * imported first by the server and the migration CLI, so an old Node stops with one coded line
 * (`error [NODE_TOO_OLD] …`, exit 1) instead of a stack trace from deep inside a dependency.
 */
export function requiredNode(packageJson = path.join(repoRoot, 'package.json')): [number, number] {
  const engines = (JSON.parse(readFileSync(packageJson, 'utf8')) as { engines?: { node?: string } }).engines?.node ?? '';
  const match = />=\s*(\d+)(?:\.(\d+))?/.exec(engines);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : [22, 17];
}

/** Whether `version` (e.g. `22.17.1`, process.versions.node) is at least `[major, minor]`. */
export function satisfies(version: string, [major, minor]: [number, number]): boolean {
  const [have, haveMinor] = version.split('.').map(Number) as [number, number];
  return have > major || (have === major && haveMinor >= minor);
}

const required = requiredNode();
if (!satisfies(process.versions.node, required)) {
  console.error(
    `error [NODE_TOO_OLD] this is Node ${process.versions.node}; the atlas needs Node ${required.join('.')} or newer ` +
      `(package.json engines). Install a current Node (https://nodejs.org), or in a checkout use the project's own: npm exec -- node …`,
  );
  process.exit(1);
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../server/config.js';

/** The example queries of `schema/examples`, by file name: the documentation doubles as test input. */
export function exampleQueries(): { name: string; query: string }[] {
  const dir = path.join(repoRoot, 'schema', 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f, query: readFileSync(path.join(dir, f), 'utf8') }));
}

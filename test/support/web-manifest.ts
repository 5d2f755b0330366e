/**
 * Which built files each page of the web app loads, from the manifest `vite build` writes
 * (web/dist/.vite/manifest.json): the entry's chunk, the chunks it imports, statically or
 * lazily, their CSS and their assets (workers, fonts), transitively.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

/** The web app's two pages: the map (`/`, `/embed`) and GraphiQL (GET /graphql from a browser). */
export type WebEntry = 'index.html' | 'graphiql.html';

/** Every file under `distDir` the page of `entry` may load, relative to `distDir` (e.g. `assets/map-….js`). */
export function entryFiles(distDir: string, entry: WebEntry): string[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`web/dist/.vite/manifest.json has no ${key}`);
    files.add(chunk.file);
    for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(entry);
  return [...files].sort();
}

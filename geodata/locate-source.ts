import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../server/config.js';

/** File names looked for in a directory or under a base URL, most general first. */
export const LEVEL_FILES = ['poland.voivodeships.json', 'poland.counties.json', 'poland.municipalities.json'];

/**
 * The shared reference folder beside the project (never committed); `SHARED_DIR` overrides it for a checkout that
 * does not sit beside it (a git worktree elsewhere), as in the seed authoring scripts.
 */
export const SHARED_DIR = path.resolve(process.env.SHARED_DIR || path.join(repoRoot, '..', 'shared'));

/** The local mirror of the boundaries in the shared folder. */
export const SHARED_GEODATA = path.join(SHARED_DIR, 'geodata');

export const DOWNLOAD_HINT = [
  'No geodata found. Give a path or URL (npm run geodata:import -- <dir|file|url>), set GEODATA_SOURCE,',
  `or place the files ${LEVEL_FILES.join(', ')} in ${SHARED_GEODATA}.`,
  'Boundaries come from the state register of boundaries (PRG) at https://www.geoportal.gov.pl/dane/panstwowy-rejestr-granic',
  '(GeoJSON with JPT_KOD_JE / JPT_NAZWA_ properties, EPSG:4326 or EPSG:2180).',
].join('\n');

export interface GeodataDocument {
  origin: string;
  text: string;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status} ${response.statusText}`);
  return response.text();
}

/**
 * Resolves where to read from: the explicit argument, else `GEODATA_SOURCE`, else `../shared/geodata`.
 * A directory or a URL ending in `/` stands for the three level files inside it; anything else is one file.
 */
export function resolveSource(explicit?: string, configured?: string): string {
  const chosen = explicit ?? configured ?? (existsSync(SHARED_GEODATA) ? SHARED_GEODATA : undefined);
  if (!chosen) throw new Error(DOWNLOAD_HINT);
  return chosen;
}

/** Reads the GeoJSON documents of a source (path or URL). */
export async function readSource(source: string): Promise<GeodataDocument[]> {
  if (isUrl(source)) {
    const urls = source.endsWith('/') ? LEVEL_FILES.map((f) => new URL(f, source).href) : [source];
    return Promise.all(urls.map(async (url) => ({ origin: url, text: await fetchText(url) })));
  }
  const resolved = path.resolve(source);
  if (!existsSync(resolved)) throw new Error(`${resolved} does not exist.\n${DOWNLOAD_HINT}`);
  const files = statSync(resolved).isDirectory()
    ? LEVEL_FILES.map((f) => path.join(resolved, f)).filter((f) => existsSync(f))
    : [resolved];
  if (files.length === 0) throw new Error(`${resolved} holds none of ${LEVEL_FILES.join(', ')}.\n${DOWNLOAD_HINT}`);
  return Promise.all(files.map(async (file) => ({ origin: path.basename(file), text: await readFile(file, 'utf8') })));
}

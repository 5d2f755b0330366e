import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config.js';
import type { SeedPartnership, SeedProgramme } from './seed-types.js';

export const SEED_DIR = path.join(repoRoot, 'server', 'seed', 'data');

export interface SeedData {
  programmes: SeedProgramme[];
  partnerships: SeedPartnership[];
}

/** Reads the reviewable seed files (`server/seed/data/*.json`). */
export async function readSeed(dir = SEED_DIR): Promise<SeedData> {
  const read = async <T>(file: string): Promise<T> => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;
  return { programmes: await read<SeedProgramme[]>('programmes.json'), partnerships: await read<SeedPartnership[]>('partnerships.json') };
}

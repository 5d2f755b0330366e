import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config.js';

/**
 * TERC codes that changed since the boundaries were drawn (PRG about 2020), and codes the boundaries
 * do not have. The atlas keys every JST by its CURRENT code: the boundaries are re-keyed as they are
 * loaded, and every code from outside is mapped through `currentTeryt` (server/input/teryt.ts), so a
 * source written in 2020 and one written today name the same JST.
 *
 * The table is `teryt-history.json` beside this file, built from the reference files by
 * `npm run teryt:history` (server/jst/teryt-history-build.ts) and committed, so the input layer can
 * map codes without a database and every deployment maps them the same way.
 */
export interface FormerCode {
  /** The code as it was (7 digits). */
  code: string;
  /** The code that replaced it: the JST's current code. */
  current: string;
  /** The gmina's name. */
  name: string;
  /**
   * By when the code was replaced, as a partial date: an upper bound, not the day of the change
   * ("2024-01-01": by the TERYT state of 1.01.2024; "2026": by the GUGiK list of 2026). The sources give no day.
   */
  validTo: string;
  /** The reference file and columns that state the change. */
  source: string;
}

/** A current code of a gmina the boundaries (PRG about 2020) do not have: created after them. */
export interface CodeWithoutBoundary {
  code: string;
  name: string;
  /** Since when the gmina exists, as a partial date, when a source says; null when none does. */
  validFrom: string | null;
  source: string;
}

export interface TerytHistory {
  /** Former codes, ordered by code. */
  former: FormerCode[];
  withoutBoundary: CodeWithoutBoundary[];
}

export const TERYT_HISTORY_FILE = path.join(repoRoot, 'server', 'jst', 'teryt-history.json');

const history = JSON.parse(readFileSync(TERYT_HISTORY_FILE, 'utf8')) as TerytHistory;
const byFormer = new Map(history.former.map((f) => [f.code, f]));
const byCurrent = new Map<string, FormerCode[]>();
for (const f of history.former) byCurrent.set(f.current, [...(byCurrent.get(f.current) ?? []), f]);
const noBoundary = new Map(history.withoutBoundary.map((c) => [c.code, c]));

/** The committed history (for the loader's report and the drift test). */
export function terytHistory(): TerytHistory {
  return history;
}

/** The former code `code` was, or undefined when it is not a former code. */
export function formerCode(code: string): FormerCode | undefined {
  return byFormer.get(code);
}

/** The current code of `code`: itself unless it is a former code. */
export function currentCodeOf(code: string): string {
  return byFormer.get(code)?.current ?? code;
}

/** The former codes of a JST's current code, oldest replacement first. */
export function formerCodesOf(current: string): FormerCode[] {
  return byCurrent.get(current) ?? [];
}

/** A current code the boundaries do not have (a gmina created after them), or undefined. */
export function codeWithoutBoundary(code: string): CodeWithoutBoundary | undefined {
  return noBoundary.get(code);
}

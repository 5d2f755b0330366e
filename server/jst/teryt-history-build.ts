import { parseCsv } from '../import/csv.js';
import { parseTeryt } from './teryt.js';
import type { CodeWithoutBoundary, FormerCode, TerytHistory } from './teryt-history.js';

/** The reference files the history is built from (`../shared/reference`). */
export const GMINY_FILE = 'population-gminy-gus-2020.csv';
export const CHANGES_FILE = 'terc-changes-2020-2026.csv';

/** Columns each file must have; a file without them is not the one described in the reference README. */
const GMINY_COLUMNS = ['terc_2024', 'terc_2020', 'nazwa'];
const CHANGES_COLUMNS = ['terc_2024', 'terc_gugik_2026', 'nazwa', 'change'];

function rowsOf(text: string, file: string, columns: string[]) {
  const csv = parseCsv(text);
  const missing = columns.filter((c) => !csv.header.includes(c));
  if (missing.length) throw new Error(`${file}: no column ${missing.join(', ')}`);
  return csv.rows;
}

/**
 * Builds the code history from the reference files: the gminy file pairs each 2020 code with its
 * code of 1.01.2024 (69 differ), the changes file lists later changes (terc_2024 → terc_gugik_2026)
 * and new gminy (no terc_2024). A code changed twice maps straight to its last code. Every code is
 * checked with the TERC format rules; a bad one stops the build. `boundaries` (the gminy of the
 * boundary file) adds codes the boundaries carry that are older still than the file's terc_2020.
 */
export function buildTerytHistory(gminyCsv: string, changesCsv: string, boundaries: { code: string; name: string }[] = []): TerytHistory {
  const later = new Map<string, { current: string; name: string; line: number }>();
  const withoutBoundary: CodeWithoutBoundary[] = [];
  for (const { line, values } of rowsOf(changesCsv, CHANGES_FILE, CHANGES_COLUMNS)) {
    const current = parseTeryt(values.terc_gugik_2026!).code;
    if (!values.terc_2024) {
      withoutBoundary.push({ code: current, name: values.nazwa!, validFrom: null, source: `${CHANGES_FILE} line ${line}: ${values.change}` });
    } else later.set(parseTeryt(values.terc_2024).code, { current, name: values.nazwa!, line });
  }
  const former: FormerCode[] = [];
  const gminy = rowsOf(gminyCsv, GMINY_FILE, GMINY_COLUMNS);
  former.push(...olderBoundaryCodes(gminy, boundaries, later));
  for (const { line, values } of gminy) {
    const [was, in2024] = [parseTeryt(values.terc_2020!).code, parseTeryt(values.terc_2024!).code];
    if (was === in2024) continue;
    const next = later.get(in2024);
    former.push({
      code: was, current: next?.current ?? in2024, name: values.nazwa!, validTo: '2024-01-01',
      source: `${GMINY_FILE} line ${line}: terc_2020 ${was} → terc_2024 ${in2024}`,
    });
  }
  for (const [code, next] of later) {
    former.push({ code, current: next.current, name: next.name, validTo: '2026', source: `${CHANGES_FILE} line ${next.line}: terc_2024 ${code} → terc_gugik_2026 ${next.current}` });
  }
  former.sort((a, b) => a.code.localeCompare(b.code));
  withoutBoundary.sort((a, b) => a.code.localeCompare(b.code));
  return { former, withoutBoundary };
}

/**
 * Gminy whose boundary code is older than the gminy file's terc_2020 (4 gminy in the PRG mirror, e.g.
 * Piątek 1004062, terc_2020 1004063): same gmina number and name, another type digit. Replaced by
 * 2020 (the file's terc_2020 already has the new code); no day is known.
 */
function olderBoundaryCodes(gminy: ReturnType<typeof rowsOf>, boundaries: { code: string; name: string }[], later: Map<string, { current: string }>): FormerCode[] {
  const in2020 = new Map(gminy.map((r) => [r.values.terc_2020!, r]));
  const out: FormerCode[] = [];
  for (const b of boundaries) {
    if (b.code.length !== 7 || in2020.has(b.code)) continue;
    const row = gminy.find((r) => r.values.terc_2020!.slice(0, 6) === b.code.slice(0, 6) && r.values.nazwa === b.name);
    if (!row) throw new Error(`boundary gmina ${b.code} ${b.name} is not in ${GMINY_FILE}, under this or another type digit`);
    const in2024 = row.values.terc_2024!;
    out.push({
      code: b.code, current: later.get(in2024)?.current ?? in2024, name: b.name, validTo: '2020',
      source: `PRG boundaries carry ${b.code}; ${GMINY_FILE} line ${row.line}: terc_2020 ${row.values.terc_2020}, terc_2024 ${in2024}`,
    });
  }
  return out;
}

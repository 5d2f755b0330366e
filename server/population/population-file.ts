import { decodeCsv } from '../import/decode.js';
import { parseCsv, type CsvRow } from '../import/csv.js';
import { parseTeryt, TerytFormatError } from '../jst/teryt.js';
import { currentCodeOf } from '../jst/teryt-history.js';
import { InputError } from '../shared/errors.js';

/** One file of GUS population figures, read and checked; codes are the atlas's current ones. */
export interface PopulationFile {
  kind: 'gminy' | 'powiaty-wojewodztwa';
  year: number;
  /** The state date of the figures, YYYY-MM-DD (31 December of `year` in GUS's BDL). */
  asOf: string;
  rows: { teryt: string; people: number; line: number }[];
}

/** Columns of the two files the reference README describes; any year in the same columns is read. */
const LAYOUTS = {
  gminy: ['terc_2024', 'terc_2020', 'ludnosc', 'rok', 'stan_na'],
  'powiaty-wojewodztwa': ['terc', 'level', 'ludnosc', 'rok', 'stan_na'],
} as const;

const MAX_PROBLEMS = 10;

/** The file's kind from its header; a file of neither layout is refused naming what is missing. */
function layoutOf(header: string[]): PopulationFile['kind'] {
  for (const [kind, columns] of Object.entries(LAYOUTS)) if (columns.every((c) => header.includes(c))) return kind as PopulationFile['kind'];
  throw new InputError('file', `is not a GUS population file: the header needs ${LAYOUTS.gminy.join(', ')} (gminy) or ${LAYOUTS['powiaty-wojewodztwa'].join(', ')} (powiaty and województwa)`, 'MALFORMED');
}

/** The current code of a row: the gminy file's 2024 code (or its 2020 code), each mapped through the code history. */
function codeOf(kind: PopulationFile['kind'], values: Record<string, string>): string {
  if (kind === 'powiaty-wojewodztwa') {
    const code = parseTeryt(values.terc!).code;
    const expected = values.level === 'woj' ? 2 : values.level === 'pow' ? 4 : 0;
    if (code.length !== expected) throw new TerytFormatError(code, `level "${values.level}" needs a ${expected || '2 (woj) or 4 (pow)'}-digit code`);
    return code;
  }
  const [was, then] = [values.terc_2020, values.terc_2024].map((c) => (c ? currentCodeOf(parseTeryt(c).code) : null));
  if (was && then && was !== then) throw new TerytFormatError(values.terc_2024!, `terc_2020 ${values.terc_2020} is another gmina (current code ${was})`);
  const code = then ?? was;
  if (!code) throw new TerytFormatError('', 'terc_2024 and terc_2020 are both empty');
  if (code.length !== 7) throw new TerytFormatError(code, 'a gmina needs a 7-digit code');
  return code;
}

/** Checks one row; returns its problem, or null and adds it to `out`. */
function readRow(kind: PopulationFile['kind'], row: CsvRow, out: PopulationFile): string | null {
  const { values, line } = row;
  let teryt: string;
  try {
    teryt = codeOf(kind, values);
  } catch (error) {
    if (error instanceof TerytFormatError) return `line ${line}: ${error.message}`;
    throw error;
  }
  if (!/^\d{1,9}$/.test(values.ludnosc!)) return `line ${line}: ludnosc "${values.ludnosc}" is not a whole number of people`;
  if (values.rok !== String(out.year) || values.stan_na !== out.asOf) return `line ${line}: rok ${values.rok} / stan_na ${values.stan_na} differ from the first row's (${out.year} / ${out.asOf}); one file holds one year`;
  out.rows.push({ teryt, people: Number(values.ludnosc), line });
  return null;
}

/**
 * Reads a GUS BDL population file (server/population/README in docs/population.md): UTF-8 or
 * Windows-1250, `,` or `;`. Every problem is collected; any problem refuses the whole file
 * (BAD_USER_INPUT on `file`), so a bad file never half-loads.
 */
export function readPopulationFile(bytes: Uint8Array | string): PopulationFile {
  const csv = parseCsv(decodeCsv(bytes).text);
  const kind = layoutOf(csv.header);
  const first = csv.rows[0];
  if (!first) throw new InputError('file', 'holds no rows', 'EMPTY');
  const year = Number(first.values.rok);
  const asOf = first.values.stan_na ?? '';
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new InputError('file', `line ${first.line}: rok "${first.values.rok}" is not a year`, 'MALFORMED');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !asOf.startsWith(String(year))) throw new InputError('file', `line ${first.line}: stan_na "${asOf}" is not a day (YYYY-MM-DD) of ${year}`, 'MALFORMED');
  const file: PopulationFile = { kind, year, asOf, rows: [] };
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const row of csv.rows) {
    const problem = readRow(kind, row, file);
    if (problem) problems.push(problem);
    const last = file.rows.at(-1);
    if (!problem && last && seen.has(last.teryt)) problems.push(`line ${row.line}: ${last.teryt} repeats line ${seen.get(last.teryt)}`);
    if (!problem && last) seen.set(last.teryt, row.line);
  }
  if (problems.length) {
    const more = problems.length > MAX_PROBLEMS ? `; … and ${problems.length - MAX_PROBLEMS} more` : '';
    throw new InputError('file', `${problems.length} row(s) refused, nothing loaded: ${problems.slice(0, MAX_PROBLEMS).join('; ')}${more}`, 'MALFORMED');
  }
  return file;
}

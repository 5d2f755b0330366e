import { parseAsOf } from '../input/as-of.js';
import { parsePartialDate } from '../input/partial-date.js';
import { parseProgrammeCode } from '../input/programme-code.js';
import { parseSourceRef } from '../input/source.js';
import { parseName, parseString } from '../input/text.js';
import { parseMemberBasis, type ParsedBasis } from '../input/member-basis.js';
import { parseCurrentTeryt } from '../input/teryt.js';
import { MemberRole, ParticipationStatus } from '../partnership/partnership-enums.js';
import { InputError } from '../shared/errors.js';
import type { CsvRow } from './csv.js';
import type { ImportRowError } from './import-types.js';

/** Column names accepted, English first, then Polish (as a spreadsheet in Poland may have them). */
const COLUMNS: Record<string, string[]> = {
  partnership: ['partnership', 'partnerstwo', 'slug'],
  teryt: ['teryt', 'terc', 'kod teryt'],
  role: ['role', 'rola'],
  joined: ['joined', 'od', 'przystąpienie', 'data przystąpienia'],
  left: ['left', 'do', 'wystąpienie', 'data wystąpienia'],
  programme: ['programme', 'program'],
  status: ['status'],
  source: ['source', 'źródło', 'zrodlo', 'sources', 'źródła'],
  version: ['version', 'wersja'],
  basis: ['basis', 'podstawa'],
  asOf: ['as_of', 'as of', 'asof', 'stan na', 'stan na dzień', 'na dzień'],
  inferenceRule: ['inference_rule', 'inference rule', 'inferencerule', 'rule', 'reguła', 'reguła wnioskowania'],
};
const REQUIRED = ['partnership', 'teryt', 'source'];

const ROLES: Record<string, MemberRole> = { leader: MemberRole.LEADER, lider: MemberRole.LEADER, member: MemberRole.MEMBER, członek: MemberRole.MEMBER, czlonek: MemberRole.MEMBER, founder: MemberRole.FOUNDER, założyciel: MemberRole.FOUNDER, zalozyciel: MemberRole.FOUNDER };
const STATUSES: Record<string, ParticipationStatus> = {
  applicant: ParticipationStatus.APPLICANT, wnioskodawca: ParticipationStatus.APPLICANT,
  grantee: ParticipationStatus.GRANTEE, beneficjent: ParticipationStatus.GRANTEE, grantobiorca: ParticipationStatus.GRANTEE,
  participant: ParticipationStatus.PARTICIPANT, uczestnik: ParticipationStatus.PARTICIPANT,
  laureate: ParticipationStatus.LAUREATE, laureat: ParticipationStatus.LAUREATE,
};

/** One valid row of a membership import. */
export interface ImportRow {
  line: number;
  partnership: string;
  teryt: string;
  role: MemberRole;
  joined: string | null;
  left: string | null;
  programme: string | null;
  status: ParticipationStatus | null;
  /** One or more refs; a cell holds several joined by " | " or line breaks (as the export writes them). */
  sources: string[];
  /** The partnership version the file was exported at, if it says: a newer one in the database is a CONFLICT. */
  version: number | null;
  /** Basis and rule; null when the file has neither column (each member keeps its own). */
  basis: ParsedBasis | null;
  /**
   * The day the file describes (its `as_of` column, written by every export): members that were not
   * members on that day are outside what the file can say, so the import never removes them.
   */
  asOf: string | null;
}

/** How the export joins several sources in one cell, and the import splits them. */
export const SOURCE_SEPARATOR = ' | ';

/**
 * Maps the header to our column names; reports missing required ones against line 1. A column
 * given twice (or under two of its names) is refused: which one would win is a silent guess.
 */
export function mapHeader(header: string[]): { columns: Record<string, string>; errors: ImportRowError[] } {
  const columns: Record<string, string> = {};
  const twice: string[] = [...new Set(header.filter((h, i) => h !== '' && header.indexOf(h) !== i))].map((h) => `"${h}"`);
  for (const [name, aliases] of Object.entries(COLUMNS)) {
    const found = header.filter((h) => aliases.includes(h));
    if (found.length > 1 && new Set(found).size > 1) twice.push(`${[...new Set(found)].map((h) => `"${h}"`).join(' and ')} (both are "${name}")`);
    if (found[0]) columns[name] = found[0];
  }
  if (twice.length) throw new InputError('header', `duplicate columns: ${twice.join(', ')}; keep one of each`);
  const errors = REQUIRED.filter((c) => !columns[c]).map((c) => ({ line: 1, field: c, message: `the header has no "${c}" column (accepted: ${COLUMNS[c]!.join(', ')})` }));
  return { columns, errors };
}

/** Checks one row's own values (existence of codes and programmes is checked against the database later). */
export function checkRow(row: CsvRow, columns: Record<string, string>): ImportRow | ImportRowError[] {
  const get = (name: string) => (columns[name] ? (row.values[columns[name]!] ?? '') : '');
  const errors: ImportRowError[] = [];
  const fail = (field: string, message: string) => void errors.push({ line: row.line, field, message });
  /** Runs one of the input layer's parsers on a cell, turning its InputError into a row error. */
  const parse = <T>(field: string, parser: (field: string, value: string) => T, value = get(field)): T | null => {
    try {
      return parser(field, value);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      fail(field, error.rule);
      return null;
    }
  };
  // The source cell may hold several references, one a line; every other cell is one line.
  for (const name of Object.keys(columns)) parse(name, (field, value) => parseString(field, value, name === 'source'));
  if (errors.length) return errors;
  const partnership = get('partnership') ? (parse('partnership', parseName) ?? '') : (fail('partnership', 'is empty: give the partnership name or slug'), '');
  const teryt = parse('teryt', parseCurrentTeryt, get('teryt').replace(/\s/g, '')) ?? '';
  const roleText = get('role').toLowerCase();
  const role = roleText ? ROLES[roleText] : MemberRole.MEMBER;
  if (!role) fail('role', `"${get('role')}" is not a role (leader/lider, member/członek, founder/założyciel)`);
  const dates: Record<string, string | null> = {};
  for (const field of ['joined', 'left']) dates[field] = get(field) ? parse(field, parsePartialDate) : null;
  if (dates.joined && dates.left && dates.left < dates.joined) fail('left', `${dates.left} is before joined ${dates.joined}`);
  const programme = get('programme') ? parse('programme', parseProgrammeCode) : null;
  const statusText = get('status').toLowerCase();
  const status = statusText ? STATUSES[statusText] : programme ? ParticipationStatus.PARTICIPANT : null;
  if (statusText && !status) fail('status', `"${get('status')}" is not a status (applicant, grantee, participant, laureate)`);
  if (statusText && !programme) fail('status', 'a status needs a programme');
  const sources = get('source').split(/\s+\|\s+|\r?\n/).map((s) => s.trim()).filter((s) => s !== '');
  if (!sources.length) fail('source', 'is empty: every membership needs its source (several joined by " | ")');
  for (const ref of sources) if (parse('source', parseSourceRef, ref) === null) break; // one error per cell is enough
  const versionText = get('version');
  const version = versionText === '' ? null : Number(versionText);
  if (version !== null && !(Number.isInteger(version) && version >= 1)) fail('version', `"${versionText}" is not a version (a whole number from the export)`);
  const basis = columns.basis || columns.inferenceRule ? basisOf(get('basis'), get('inferenceRule'), fail) : null;
  const asOf = get('asOf') ? (parse('as_of', parseAsOf, get('asOf')) ?? null) : null;
  if (errors.length) return errors;
  return { line: row.line, partnership, teryt, role: role!, joined: dates.joined ?? null, left: dates.left ?? null, programme, status, sources, version, basis, asOf };
}

/** The basis cells of a row (empty cells: STATED, no rule), through the input layer's parser; a bad pair is a row error. */
function basisOf(basis: string, rule: string, fail: (field: string, message: string) => void): ParsedBasis | null {
  try {
    return parseMemberBasis('member', basis || null, rule || null);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    fail(error.field.replace(/^member\./, ''), error.rule);
    return null;
  }
}

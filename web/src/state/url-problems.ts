/**
 * What a link asked for that the atlas cannot show: keys it does not know, values written wrongly
 * (both known from the address alone) and values that name nothing in the atlas (known after the
 * boot data). `parseState` has dropped the first two already; these say what was dropped and why.
 */
import { parseState, type ViewState } from './url-state.js';

export type UrlProblemReason = 'unknown-key' | 'malformed' | 'unknown-value';
export interface UrlProblem { key: string; value: string; reason: UrlProblemReason }

// `title` is an embed's own title (cleaned and cut, never refused).
const KNOWN_KEYS = new Set(['prog', 'status', 'woj', 'form', 'area', 'g', 'p', 'c', 'z', 'lang', 'title', 'mode', 'view', 'sort',
  // ---- timemap: the day, a programme's phase, the changes view ----
  'asOf', 'phase', 'from', 'to',
  // ---- versions ----: the pinned dataset version
  'version',
]);
const CODE = /^[A-Z0-9][A-Z0-9_-]{0,40}$/;

/** Whether the parsed state kept what the parameter said; lists are checked item by item. */
function kept(key: string, value: string, s: ViewState): boolean {
  switch (key) {
    case 'prog': return s.programme === value;
    case 'status': return s.status === value;
    case 'woj': return s.voivodeship === value;
    case 'form':
    case 'area': return value.split(',').every((v) => CODE.test(v));
    case 'p': return s.partnership === value;
    // A gmina beside a partnership is dropped by design (one selection), not as a mistake.
    case 'g': return s.gmina === value || s.partnership !== null;
    case 'c':
    case 'z': return s.center !== null;
    case 'lang': return value === s.lang;
    case 'mode': return value === s.mode;
    // The table view (ui/table.ts): ?view=table, sorted by ?sort=[-]column.
    case 'view': return value === 'table' && Boolean(s.table);
    case 'sort': return Boolean(s.table) && value.replace(/^-/, '') === s.table?.column;
    // ---- timemap ----
    case 'asOf': return s.asOf === value;
    case 'phase': return s.phase === value;
    case 'from': return s.changes?.from === value;
    case 'to': return s.changes?.to === value;
    case 'version': return s.version === Number(value);
    default: return true;
  }
}

/** Problems visible in the address itself, in the order of its parameters. */
export function syntaxProblems(search: string): UrlProblem[] {
  const state = parseState(search);
  const out: UrlProblem[] = [];
  for (const [key, value] of new URLSearchParams(search)) {
    if (!KNOWN_KEYS.has(key)) out.push({ key, value, reason: 'unknown-key' });
    else if (!kept(key, value, state)) out.push({ key, value, reason: 'malformed' });
  }
  return out;
}

/** What the atlas has: codes of programmes and województwa, and the legal forms and area types it knows. */
export interface KnownValues {
  programmes: string[]; voivodeships: string[]; legalForms: string[]; areaTypes: string[];
  /** ---- timemap: phase codes of each programme, by programme code ---- */
  phases?: Record<string, string[]>;
}

/** Values that name nothing in the atlas, and the state patch that drops them. */
export function unknownValues(s: ViewState, known: KnownValues): { problems: UrlProblem[]; patch: Partial<ViewState> } {
  const problems: UrlProblem[] = [];
  const patch: Partial<ViewState> = {};
  if (s.programme && !known.programmes.includes(s.programme)) {
    problems.push({ key: 'prog', value: s.programme, reason: 'unknown-value' });
    patch.programme = null;
  }
  if (s.voivodeship && !known.voivodeships.includes(s.voivodeship)) {
    problems.push({ key: 'woj', value: s.voivodeship, reason: 'unknown-value' });
    patch.voivodeship = null;
  }
  const list = (key: 'form' | 'area', field: 'legalForms' | 'areaTypes', allowed: string[]) => {
    const bad = s[field].filter((v) => !allowed.includes(v));
    if (!bad.length) return;
    problems.push({ key, value: bad.join(','), reason: 'unknown-value' });
    patch[field] = s[field].filter((v) => allowed.includes(v));
  };
  list('form', 'legalForms', known.legalForms);
  list('area', 'areaTypes', known.areaTypes);
  if (s.phase && known.phases && !(s.programme && known.phases[s.programme]?.includes(s.phase))) {
    problems.push({ key: 'phase', value: s.phase, reason: 'unknown-value' });
    patch.phase = null;
  }
  return { problems, patch };
}

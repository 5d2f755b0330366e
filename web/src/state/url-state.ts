/** The whole view as plain data, and its round trip through a query string. */

export type Lang = 'pl' | 'en';
export const STATUSES = ['APPLICANT', 'PARTICIPANT', 'LAUREATE', 'GRANTEE'] as const;
export type Status = (typeof STATUSES)[number];
/** How gminy are coloured: by partnership (identity) or by how many partnerships (count). */
export type MapMode = 'identity' | 'count';

/** Columns of the table view (ui/table.ts), each sortable. */
export const TABLE_COLUMNS = ['name', 'programme', 'status', 'members', 'area'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];
/** The table view shown instead of the map, sorted by one column. */
export interface TableView { column: TableColumn; descending: boolean }

export interface ViewState {
  /** Programme code, or null for all partnerships. */
  programme: string | null;
  /** Participation status within the programme (or any programme), or null for any. */
  status: Status | null;
  /** 2-digit TERC of a województwo, or null. */
  voivodeship: string | null;
  legalForms: string[];
  areaTypes: string[];
  /** Selected gmina (TERYT) — exclusive with `partnership`. */
  gmina: string | null;
  /** Selected partnership slug. */
  partnership: string | null;
  /** Map centre [lng, lat] and zoom; null until the map has settled (then: whole country). */
  center: [number, number] | null;
  zoom: number | null;
  lang: Lang;
  /** An embed's own title (`title=`), cleaned and at most MAX_TITLE characters; null for none. */
  title: string | null;
  /** `mode=count` in the URL; identity when absent (so older links keep their meaning). */
  mode: MapMode;
  /** The table view instead of the map (?view=table&sort=-members); absent or null: the map. */
  table?: TableView | null;
  // ---- timemap ----
  /** The day the map describes (`asOf=YYYY-MM-DD`); absent or null: today (with a programme: its whole period). */
  asOf?: string | null;
  /** A phase of the selected programme (`phase=`): its period only; absent or null: the programme's whole period. */
  phase?: string | null;
  /** The changes view (`from=…&to=…`, days): who joined and left between the two days, both included; absent or null: none. */
  changes?: { from: string; to: string } | null;
  // ---- versions ----
  /** The dataset version the view is pinned to (`version=<n>`, docs/versions.md); absent or null: the newest data. */
  version?: number | null;
}

export const DEFAULT_STATE: ViewState = {
  programme: null,
  status: null,
  voivodeship: null,
  legalForms: [],
  areaTypes: [],
  gmina: null,
  partnership: null,
  center: null,
  zoom: null,
  lang: 'pl',
  title: null,
  mode: 'identity',
};

/** Longest title, in characters: the server cuts a preview's title the same way (server/input/view-link.ts). */
export const MAX_TITLE = 120;

/** `title=` as shown: control characters and runs of spaces become one space; longer than MAX_TITLE is cut with "…". */
export function cleanTitle(raw: string | null): string | null {
  // eslint-disable-next-line no-control-regex
  const clean = (raw ?? '').replace(/[\u0000-\u001F\u007F\s]+/g, ' ').trim();
  if (!clean) return null;
  const chars = [...clean];
  return chars.length <= MAX_TITLE ? clean : `${chars.slice(0, MAX_TITLE - 1).join('').trimEnd()}…`;
}

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,40}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TERYT_GMINA = /^\d{7}$/;
const WOJ = /^\d{2}$/;
/** A dataset version number: a whole number from 1 (server/input/version.ts). */
export const VERSION = /^[1-9]\d{0,14}$/;

function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').filter((v) => CODE.test(v)))].sort();
}

function num(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

// ---- timemap ----
const PHASE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/** A real calendar day written YYYY-MM-DD (years 1000–2999, as the API accepts), else null. */
export function parseDay(value: string | null): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && y <= 2999 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? value : null;
}

/** The time keys of a query string: asOf, phase (with a programme), from and to (both, in order); absent ones stay absent. */
function parseTime(q: URLSearchParams, state: ViewState): void {
  const asOf = parseDay(q.get('asOf'));
  if (asOf) state.asOf = asOf;
  const phase = q.get('phase');
  if (state.programme && phase && PHASE.test(phase)) state.phase = phase;
  const [from, to] = [parseDay(q.get('from')), parseDay(q.get('to'))];
  if (from && to && from <= to) state.changes = { from, to };
}

/** "members" or "-members" (descending); anything else sorts by name, ascending. */
function parseSort(value: string | null): TableView {
  const descending = value?.startsWith('-') ?? false;
  const column = (value ?? '').replace(/^-/, '');
  return (TABLE_COLUMNS as readonly string[]).includes(column) ? { column: column as TableColumn, descending } : { column: 'name', descending: false };
}

/** Reads a query string ("?a=b…" or "a=b…"); anything malformed falls back to the default. */
export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const state: ViewState = { ...DEFAULT_STATE, legalForms: [], areaTypes: [] };
  const programme = q.get('prog');
  if (programme && CODE.test(programme)) state.programme = programme;
  const status = q.get('status');
  if (status && (STATUSES as readonly string[]).includes(status)) state.status = status as Status;
  const woj = q.get('woj');
  if (woj && WOJ.test(woj)) state.voivodeship = woj;
  state.legalForms = list(q.get('form'));
  state.areaTypes = list(q.get('area'));
  const gmina = q.get('g');
  const partnership = q.get('p');
  if (partnership && SLUG.test(partnership)) state.partnership = partnership;
  else if (gmina && TERYT_GMINA.test(gmina)) state.gmina = gmina;
  const [lng, lat] = (q.get('c') ?? '').split(',').map(num);
  const zoom = num(q.get('z'));
  if (lng !== null && lat !== null && lng !== undefined && lat !== undefined && Math.abs(lng) <= 180 && Math.abs(lat) <= 90 && zoom !== null) {
    state.center = [lng, lat];
    state.zoom = Math.min(Math.max(zoom, 0), 22);
  }
  if (q.get('lang') === 'en') state.lang = 'en';
  state.title = cleanTitle(q.get('title'));
  if (q.get('mode') === 'count') state.mode = 'count';
  if (q.get('view') === 'table') state.table = parseSort(q.get('sort'));
  parseTime(q, state);
  const version = q.get('version');
  if (version && VERSION.test(version)) state.version = Number(version);
  return state;
}

/** Writes only what differs from the default, in a fixed order, so equal views give equal URLs. */
export function serializeState(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.programme) q.set('prog', state.programme);
  if (state.status) q.set('status', state.status);
  if (state.voivodeship) q.set('woj', state.voivodeship);
  if (state.legalForms.length) q.set('form', [...state.legalForms].sort().join(','));
  if (state.areaTypes.length) q.set('area', [...state.areaTypes].sort().join(','));
  if (state.partnership) q.set('p', state.partnership);
  else if (state.gmina) q.set('g', state.gmina);
  if (state.center && state.zoom !== null) {
    q.set('c', `${state.center[0].toFixed(4)},${state.center[1].toFixed(4)}`);
    q.set('z', state.zoom.toFixed(2));
  }
  if (state.lang !== 'pl') q.set('lang', state.lang);
  if (state.title) q.set('title', state.title);
  if (state.mode !== 'identity') q.set('mode', state.mode);
  if (state.table) {
    q.set('view', 'table');
    if (state.table.column !== 'name' || state.table.descending) q.set('sort', `${state.table.descending ? '-' : ''}${state.table.column}`);
  }
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.programme && state.phase) q.set('phase', state.phase);
  if (state.changes) {
    q.set('from', state.changes.from);
    q.set('to', state.changes.to);
  }
  if (state.version) q.set('version', String(state.version));
  const s = q.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

/** The full-view and embed URLs of a state, on the given origin. */
export function shareUrls(origin: string, state: ViewState): { full: string; embed: string } {
  const query = serializeState(state);
  return { full: `${origin}/${query}`, embed: `${origin}/embed${query}` };
}

export function embedSnippet(embedUrl: string, title: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(embedUrl)}" title="${esc(title)}" width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
}

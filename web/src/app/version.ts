/**
 * Citable views (docs/versions.md): which dataset version a page shows, the version share and
 * embed links pin, and the line a pinned page shows ("Dane w wersji N z <data> · Zobacz najnowsze").
 */
import { fetchDatasetInfo } from '../api/queries.js';
import { PINNED_VERSION } from '../api/pin.js';
import type { Lang, ViewState } from '../state/url-state.js';
import { serializeState } from '../state/url-state.js';
import { h } from '../ui/dom.js';
import type { Strings } from '../i18n/strings.js';

export interface DatasetInfo {
  version: number;
  /** When that version was committed (ISO 8601). */
  changedAt: string;
}

let info: Promise<DatasetInfo | null> | null = null;
let known: DatasetInfo | null = null;

/** The version the page shows and its date, asked once per page; null when the API could not say (asked again next time). */
export function datasetInfo(): Promise<DatasetInfo | null> {
  info ??= fetchDatasetInfo().then(
    (answer) => (known = answer),
    () => {
      info = null;
      return null;
    },
  );
  return info;
}

/**
 * The version a share or embed link pins: the page's own pin, else the version the page read (so
 * the link shows what the sharer saw, even after later edits); null until the page has read it.
 */
export function versionToPin(state: ViewState): number | null {
  return state.version ?? PINNED_VERSION ?? known?.version ?? null;
}

/** The view's state with the version its links pin. */
export const pinnedView = (state: ViewState): ViewState => ({ ...state, version: versionToPin(state) });

/** "27 listopada 2026" / "27 November 2026", in the reader's time zone. */
export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/**
 * On a pinned page, the visible line saying which version it shows, with a link to the same view
 * unpinned (`path`: '/' or '/embed'); null on a page showing the newest data, or before the date is known.
 */
export function versionLine(state: ViewState, t: Strings, path: string, opensNew = false): HTMLElement | null {
  if (PINNED_VERSION === null || !known) return null;
  const latest = `${path}${serializeState({ ...state, version: null })}`;
  return h('p', { class: 'version-line', id: 'version-line' },
    t.versionLine(known.version, formatDate(known.changedAt, state.lang)), ' · ',
    h('a', { href: latest, 'aria-label': t.versionLatestLabel, ...(opensNew ? { target: '_blank', rel: 'noopener' } : {}) }, t.versionLatest));
}

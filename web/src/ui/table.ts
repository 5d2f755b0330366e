/**
 * The table view: the partnerships the map shows (the same filters), one row each, sortable by every
 * column (aria-sort on the sorted header), a row's name opening its details.
 */
import type { PartnershipSummary } from '../api/types.js';
import { formatNumber, type Strings } from '../i18n/strings.js';
import { TABLE_COLUMNS, type Lang, type TableColumn, type TableView } from '../state/url-state.js';
import { h, replace } from './dom.js';

export interface TableActions {
  sort(view: TableView): void;
  open(slug: string): void;
}

interface Row { p: PartnershipSummary; programme: string; status: string }

/** Each column's heading and how its cells compare; text compares in the interface language's collation. */
function columns(t: Strings): Record<TableColumn, { label: string; numeric: boolean; key: (r: Row) => string | number }> {
  return {
    name: { label: t.tableName, numeric: false, key: (r) => r.p.name },
    programme: { label: t.programme, numeric: false, key: (r) => r.programme },
    status: { label: t.status, numeric: false, key: (r) => r.status },
    members: { label: t.tableMembers, numeric: true, key: (r) => r.p.functionalArea.memberCount },
    area: { label: t.tableArea, numeric: true, key: (r) => r.p.functionalArea.areaKm2 },
  };
}

function rowsOf(shown: PartnershipSummary[], t: Strings): Row[] {
  const unique = (xs: string[]) => [...new Set(xs)].join(', ');
  return shown.map((p) => ({
    p,
    programme: unique(p.participations.map((x) => x.programme.code)),
    status: unique(p.participations.map((x) => t.statusNames[x.status] ?? x.status)),
  }));
}

/** Rows sorted by `view`; ties by name, so the order is stable. */
export function sortRows(shown: PartnershipSummary[], view: TableView, t: Strings, lang: Lang): PartnershipSummary[] {
  const cols = columns(t);
  const collator = new Intl.Collator(lang);
  const cmp = (a: string | number, b: string | number) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b)));
  const dir = view.descending ? -1 : 1;
  return rowsOf(shown, t)
    .sort((a, b) => dir * cmp(cols[view.column].key(a), cols[view.column].key(b)) || collator.compare(a.p.name, b.p.name))
    .map((r) => r.p);
}

function header(col: TableColumn, label: string, numeric: boolean, view: TableView, actions: TableActions): HTMLElement {
  const sorted = view.column === col;
  const next: TableView = { column: col, descending: sorted ? !view.descending : numeric };
  return h('th', { scope: 'col', class: numeric ? 'num' : null, 'aria-sort': sorted ? (view.descending ? 'descending' : 'ascending') : 'none' },
    h('button', { type: 'button', class: 'sort', 'data-column': col, onclick: () => actions.sort(next) },
      label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (view.descending ? ' ▼' : ' ▲') : ' ↕')));
}

export function renderTable(el: HTMLElement, shown: PartnershipSummary[], view: TableView, t: Strings, lang: Lang, actions: TableActions): void {
  const cols = columns(t);
  const rows = rowsOf(sortRows(shown, view, t, lang), t);
  replace(el,
    h('table', { class: 'partnership-table' },
      h('caption', {}, t.tableCaption(rows.length)),
      h('thead', {}, h('tr', {}, TABLE_COLUMNS.map((c) => header(c, cols[c].label, cols[c].numeric, view, actions)))),
      h('tbody', {}, rows.map((r) => h('tr', { 'data-slug': r.p.slug },
        h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', 'aria-label': t.tableOpen(r.p.name), onclick: () => actions.open(r.p.slug) }, r.p.name)),
        h('td', {}, r.programme || '—'),
        h('td', {}, r.status || '—'),
        h('td', { class: 'num' }, formatNumber(r.p.functionalArea.memberCount, lang)),
        h('td', { class: 'num' }, formatNumber(r.p.functionalArea.areaKm2, lang)))))),
    rows.length === 0 ? h('p', { class: 'muted' }, t.tableEmpty) : null);
}

/** The map / table switch: two buttons, the current one pressed. */
export function renderViewToggle(el: HTMLElement, table: boolean, t: Strings, choose: (table: boolean) => void): void {
  const button = (label: string, on: boolean, id: string) =>
    h('button', { type: 'button', id, 'aria-pressed': String(on), onclick: () => on || choose(!table) }, label);
  replace(el, button(t.viewMap, !table, 'btn-view-map'), button(t.viewTable, table, 'btn-view-table'));
}

/**
 * Shows the table over the map or the map alone. The map stays laid out under the table (hidden,
 * out of the tab order), so returning to it needs no resize and keeps its camera.
 */
export function showTable(map: HTMLElement, table: HTMLElement, on: boolean): void {
  table.hidden = !on;
  map.classList.toggle('under-table', on);
}

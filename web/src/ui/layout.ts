/**
 * The page skeleton: full view (header, side panels, map or table) or embed view (map, legend,
 * attribution). Every piece of content sits in a landmark with a unique name (axe: region,
 * landmark-unique). On a narrow screen the order is map, legend, details, filters, in the DOM as on
 * screen, and the panels fold.
 */
import type { Strings } from '../i18n/strings.js';
import { h } from './dom.js';

export interface Layout {
  root: HTMLElement;
  map: HTMLElement;
  header: HTMLElement | null;
  headerTitle: HTMLElement;
  searchSlot: HTMLElement | null;
  shareSlot: HTMLElement | null;
  shareOutput: HTMLElement | null;
  langButton: HTMLButtonElement | null;
  filters: HTMLElement | null;
  legend: HTMLElement;
  coverage: HTMLElement | null;
  details: HTMLElement | null;
  srList: HTMLElement;
  status: HTMLElement;
  embedFooter: HTMLElement | null;
  /** Where the table view is drawn (full view only). */
  table: HTMLElement | null;
  /** The map / table switch (full view only). */
  viewToggle: HTMLElement | null;
  /** ---- timemap: the date control, the programme period switch and the changes view (full view only) ---- */
  time: HTMLElement | null;
}

/** Below this width (CSS px) the layout is one column; styles.css uses the same figure. */
export const NARROW = '(max-width: 800px)';

/** A panel that folds on narrow screens: its toggle button names it and says whether it is open. */
function foldable(section: HTMLElement, extraClass = ''): HTMLElement {
  const panel = h('div', { class: `panel ${extraClass}`.trim() });
  const toggle = h('button', { type: 'button', class: 'panel-toggle', 'aria-expanded': 'true', 'aria-controls': section.id });
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.classList.toggle('collapsed', !open);
  });
  panel.append(toggle, section);
  return panel;
}

function buildEmbed(app: HTMLElement, parts: Pick<Layout, 'map' | 'legend' | 'srList' | 'status' | 'headerTitle'>): Layout {
  const embedFooter = h('div', { class: 'embed-footer' });
  const root = h('div', { class: 'layout embed' },
    h('main', { class: 'map-wrap' }, parts.map, h('div', { class: 'embed-legend' }, parts.legend), embedFooter, parts.status, parts.srList));
  app.replaceChildren(root);
  return { ...parts, root, header: null, searchSlot: null, shareSlot: null, shareOutput: null, langButton: null, filters: null, coverage: null, details: null, embedFooter, table: null, viewToggle: null, time: null };
}

export function buildLayout(app: HTMLElement, embed: boolean): Layout {
  // The canvas inside is MapLibre's region landmark; the container itself stays a plain box.
  const map = h('div', { id: 'map', class: 'map' });
  // Not a live region: it redraws on every map idle, and a screen reader would read it out each time.
  const legend = h('section', { id: 'legend', class: 'legend panel-block' });
  const srList = h('section', { id: 'sr-list', class: 'visually-hidden' });
  const status = h('div', { id: 'app-status', class: 'app-status', role: 'status', 'aria-live': 'polite' });
  const headerTitle = h('span', {});
  if (embed) return buildEmbed(app, { map, legend, srList, status, headerTitle });
  const searchSlot = h('div', { class: 'search-slot' });
  const shareSlot = h('div', { class: 'share-slot' });
  const langButton = h('button', { type: 'button', id: 'btn-lang', class: 'lang' });
  const shareOutput = h('section', { class: 'share-output', hidden: true });
  const header = h('header', { class: 'top' }, h('h1', {}, headerTitle), searchSlot, shareSlot, langButton);
  const filters = h('section', { id: 'filters', class: 'panel-block' });
  const time = h('section', { id: 'time', class: 'panel-block' });
  const coverage = h('section', { id: 'coverage', class: 'panel-block' });
  const details = h('section', { id: 'details', class: 'details', 'aria-labelledby': 'details-title' });
  const table = h('div', { id: 'table-view', class: 'table-view', hidden: true });
  const viewToggle = h('div', { class: 'view-toggle', role: 'group' });
  const legendPanel = foldable(legend, 'legend-panel');
  const side = h('aside', { class: 'side left' }, foldable(filters), foldable(time), legendPanel, foldable(coverage));
  const main = h('main', { class: 'map-wrap' }, viewToggle, map, table, status, srList);
  const root = h('div', { class: 'layout full' }, header, shareOutput, side, main, details);
  app.replaceChildren(root);
  placePanels(root, side, legendPanel, main, details);
  return { root, map, header, headerTitle, searchSlot, shareSlot, shareOutput, langButton, filters, legend, coverage, details, srList, status, embedFooter: null, table, viewToggle, time };
}

/**
 * On a narrow screen the page reads map, legend, details, then filters and coverage: the legend
 * leaves the side panel and the side panel goes last, in the DOM (reading and Tab order) as on screen.
 * On a wide one the legend sits between filters and coverage, the side panel before the map.
 */
function placePanels(root: HTMLElement, side: HTMLElement, legendPanel: HTMLElement, main: HTMLElement, details: HTMLElement): void {
  const query = window.matchMedia(NARROW);
  const place = () => {
    if (query.matches) {
      root.insertBefore(legendPanel, details);
      root.insertBefore(side, details.nextSibling);
    } else {
      side.insertBefore(legendPanel, side.children[2] ?? null);
      root.insertBefore(side, main);
    }
  };
  query.addEventListener('change', place);
  place();
}

/** Names the landmarks and panel toggles in the interface language (called on every language change). */
export function labelLayout(ui: Layout, t: Strings): void {
  ui.root.querySelector('aside.side')?.setAttribute('aria-label', t.panelLabel);
  ui.legend.setAttribute('aria-label', t.legend);
  ui.shareOutput?.setAttribute('aria-label', t.share);
  ui.viewToggle?.setAttribute('aria-label', t.viewLabel);
  const names: Record<string, string> = { filters: t.filters, legend: t.legend, coverage: t.coverage, time: t.timeTitle };
  for (const b of ui.root.querySelectorAll<HTMLButtonElement>('.panel-toggle')) b.textContent = names[b.getAttribute('aria-controls') ?? ''] ?? '';
}

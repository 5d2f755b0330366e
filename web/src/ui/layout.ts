/** The page skeleton: full view (header, side panels, map) or embed view (map, legend, attribution). */
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
}

export function buildLayout(app: HTMLElement, embed: boolean): Layout {
  const map = h('div', { id: 'map', class: 'map', role: 'region' });
  const legend = h('section', { id: 'legend', class: 'legend panel-block', 'aria-live': 'polite' });
  const srList = h('section', { id: 'sr-list', class: 'visually-hidden' });
  const status = h('div', { id: 'app-status', class: 'app-status', role: 'status', 'aria-live': 'polite' });
  const headerTitle = h('span', {});
  if (embed) {
    const embedFooter = h('div', { class: 'embed-footer' });
    const root = h('div', { class: 'layout embed' }, h('main', { class: 'map-wrap' }, map, h('div', { class: 'embed-legend' }, legend), embedFooter, status), srList);
    app.replaceChildren(root);
    return { root, map, header: null, headerTitle, searchSlot: null, shareSlot: null, shareOutput: null, langButton: null, filters: null, legend, coverage: null, details: null, srList, status, embedFooter };
  }
  const searchSlot = h('div', { class: 'search-slot' });
  const shareSlot = h('div', { class: 'share-slot' });
  const langButton = h('button', { type: 'button', id: 'btn-lang', class: 'lang' });
  const shareOutput = h('div', { class: 'share-output', hidden: true });
  const header = h('header', { class: 'top' }, h('h1', {}, headerTitle), searchSlot, shareSlot, langButton);
  const filters = h('section', { id: 'filters', class: 'panel-block' });
  const coverage = h('section', { id: 'coverage', class: 'panel-block' });
  const details = h('section', { id: 'details', class: 'details', 'aria-labelledby': 'details-title' });
  const root = h('div', { class: 'layout full' },
    header,
    shareOutput,
    h('aside', { class: 'side left', 'aria-label': 'Panel' }, filters, legend, coverage),
    h('main', { class: 'map-wrap' }, map, status),
    details,
    srList);
  app.replaceChildren(root);
  return { root, map, header, headerTitle, searchSlot, shareSlot, shareOutput, langButton, filters, legend, coverage, details, srList, status, embedFooter: null };
}

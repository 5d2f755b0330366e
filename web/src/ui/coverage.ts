/**
 * Coverage numbers and a bar per województwo for the filters on screen, each number labelled with
 * what it counts: on the map (this view's filters), loaded into the atlas (the whole programme),
 * reported by the sources (the programme's documents).
 */
import type { Coverage, Programme } from '../api/types.js';
import { figureText, formatNumber, formatPercent, type Strings } from '../i18n/strings.js';
import type { Lang } from '../state/url-state.js';
import { h, replace } from './dom.js';
import { coveragePopulation, loadedCertaintyLine } from './people.js';
import { loadFailure } from './retry.js';

/** What the panel knows: still loading, failed (with a retry), or the figures. */
export type CoverageView =
  | { state: 'loading' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'ready'; coverage: Coverage };

function bar(label: string, share: number, lang: Lang): HTMLElement {
  const pct = formatPercent(share, lang);
  return h('div', { class: 'bar-row', role: 'listitem' },
    h('span', { class: 'bar-label' }, label),
    h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: `width:${(share * 100).toFixed(1)}%` })),
    h('span', { class: 'bar-value' }, pct));
}

/** The programme's loaded and reported figures, each with why it differs from the map. */
function figures(programme: Programme, t: Strings, lang: Lang): HTMLElement {
  return h('div', { class: 'figures' },
    h('h3', {}, t.loadedFigures),
    h('p', { class: 'figure-loaded' }, t.loadedLine(programme.loaded.partnerships, programme.loaded.jsts, programme.loaded.gminy)),
    loadedCertaintyLine(programme.loaded, t),
    h('p', { class: 'muted why' }, t.loadedWhy),
    programme.reportedFigures.length ? h('h3', {}, t.reported) : null,
    h('ul', { class: 'figure-reported' }, programme.reportedFigures.map((f) =>
      h('li', {}, h('strong', {}, figureText(f.value, f.unit, t, lang)), ` — ${lang === 'en' ? f.label : f.labelPl}`))),
    programme.reportedFigures.length ? h('p', { class: 'muted why' }, t.reportedWhy) : null);
}

/** `filters`: the filters on screen in words (empty: none). */
export function renderCoverage(el: HTMLElement, view: CoverageView, programme: Programme | null, filters: string, t: Strings, lang: Lang): void {
  const head = [h('h2', {}, t.coverageTitle(programme?.code ?? null)), h('p', { class: 'muted coverage-for' }, t.coverageFor(filters || t.noFilters))];
  if (view.state === 'loading') return replace(el, ...head, h('p', { class: 'muted' }, t.loading));
  if (view.state === 'error') return replace(el, ...head, loadFailure(t, view.error, view.retry));
  const cov = view.coverage;
  const rows = [...cov.byVoivodeship].sort((a, b) => b.gminyShare - a.gminyShare);
  replace(
    el,
    ...head,
    h('p', { class: 'coverage-summary' },
      t.coverageSummary(formatNumber(cov.gminyCovered, lang), formatNumber(cov.gminyTotal, lang), formatPercent(cov.gminyShare, lang),
        formatPercent(cov.areaShare, lang), cov.partnerships)),
    h('p', { class: 'coverage-on-map' }, t.onMapLine(cov.partnerships)),
    coveragePopulation(cov, t, lang),
    h('div', { class: 'bars', role: 'list', 'aria-label': t.coverage },
      bar(t.gminyShare, cov.gminyShare, lang), bar(t.areaShare, cov.areaShare, lang)),
    h('h3', {}, t.byVoivodeship),
    h('div', { class: 'bars by-voivodeship', role: 'list', 'aria-label': t.byVoivodeship }, rows.map((r) => bar(r.voivodeship.name.toLocaleLowerCase('pl'), r.gminyShare, lang))),
    programme ? figures(programme, t, lang) : null,
  );
}

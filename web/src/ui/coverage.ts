/** Coverage numbers and a bar per województwo; the programme's reported figures beside what is loaded. */
import type { Coverage, Programme } from '../api/types.js';
import { formatNumber, formatPercent, type Strings } from '../i18n/strings.js';
import type { Lang } from '../state/url-state.js';
import { h, replace } from './dom.js';

function bar(label: string, share: number, lang: Lang): HTMLElement {
  const pct = formatPercent(share, lang);
  return h('div', { class: 'bar-row', role: 'listitem' },
    h('span', { class: 'bar-label' }, label),
    h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: `width:${(share * 100).toFixed(1)}%` })),
    h('span', { class: 'bar-value' }, pct));
}

export function renderCoverage(el: HTMLElement, cov: Coverage | null, programme: Programme | null, t: Strings, lang: Lang): void {
  if (!cov) return replace(el, h('h2', {}, t.coverage), h('p', { class: 'muted' }, t.loading));
  const rows = [...cov.byVoivodeship].sort((a, b) => b.gminyShare - a.gminyShare);
  replace(
    el,
    h('h2', {}, t.coverageTitle(programme?.code ?? null)),
    h('p', { class: 'coverage-summary' },
      t.coverageSummary(formatNumber(cov.gminyCovered, lang), formatNumber(cov.gminyTotal, lang), formatPercent(cov.gminyShare, lang),
        formatPercent(cov.areaShare, lang), cov.partnerships)),
    h('div', { class: 'bars', role: 'list', 'aria-label': t.coverage },
      bar(t.gminyShare, cov.gminyShare, lang), bar(t.areaShare, cov.areaShare, lang)),
    h('h3', {}, t.byVoivodeship),
    h('div', { class: 'bars', role: 'list', 'aria-label': t.byVoivodeship }, rows.map((r) => bar(r.voivodeship.name.toLocaleLowerCase('pl'), r.gminyShare, lang))),
    programme
      ? h('div', { class: 'figures' },
        h('h3', {}, t.loadedFigures),
        h('p', {}, t.loadedLine(programme.loaded.partnerships, programme.loaded.jsts, programme.loaded.gminy)),
        programme.reportedFigures.length ? h('h3', {}, t.reported) : null,
        h('ul', {}, programme.reportedFigures.map((f) =>
          h('li', {}, h('strong', {}, formatNumber(f.value, lang, 2)), ` ${f.unit} — ${lang === 'en' ? f.label : f.labelPl}`))))
      : null,
  );
}

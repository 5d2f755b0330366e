/**
 * People and how members are known, in the details and coverage panels: population lines with
 * their source (GUS BDL), and the mark of a member inferred from a source's words, whose rule
 * shows on hover and on keyboard focus.
 */
import type { AreaPopulation, Coverage, Population } from '../api/types.js';
import { formatNumber, formatPercent, type Strings } from '../i18n/strings.js';
import type { Lang } from '../state/url-state.js';
import { h } from './dom.js';

/** The source line of a figure, in the interface language: the API's state date as 31.12.2020. */
const sourceLine = (source: { asOf: string }, t: Strings) => t.populationSource(source.asOf.split('-').reverse().join('.'));

/** "Ludność: 16 433" with the source line under it; nothing when no figure is loaded. */
export function populationLine(pop: Population | AreaPopulation | null, t: Strings, lang: Lang): HTMLElement | null {
  if (!pop) return null;
  const gminy = 'gminy' in pop ? pop.gminy : null;
  return h('div', { class: 'population' },
    h('p', { class: 'population-figure' }, h('strong', {}, `${t.population}: `), formatNumber(pop.people, lang), gminy !== null ? ` ${t.populationGminy(gminy)}` : ''),
    h('p', { class: 'muted population-source' }, sourceLine(pop.source, t)));
}

/** The coverage panel's people line: covered of all, the share, and the source. */
export function coveragePopulation(cov: Pick<Coverage, 'populationCovered' | 'populationTotal' | 'populationShare' | 'populationSource'>, t: Strings, lang: Lang): HTMLElement | null {
  if (cov.populationTotal === null || cov.populationShare === null) return null;
  return h('div', { class: 'population coverage-population' },
    h('p', { class: 'population-figure' }, t.coveragePeople(formatNumber(cov.populationCovered ?? 0, lang), formatNumber(cov.populationTotal, lang), formatPercent(cov.populationShare, lang))),
    cov.populationSource ? h('p', { class: 'muted population-source' }, sourceLine(cov.populationSource, t)) : null);
}

let ruleIds = 0;

/**
 * "wywnioskowane" after a member inferred from a source's words: a button whose description is the
 * rule, shown beside it on hover and on keyboard focus (a title alone is out of a keyboard's reach).
 */
export function inferredMark(m: { basis?: string; inferenceRule?: string | null }, t: Strings): HTMLElement | null {
  if (m.basis !== 'INFERRED') return null;
  const rule = m.inferenceRule ?? '';
  const id = `inferred-rule-${++ruleIds}`;
  return h('span', { class: 'inferred' }, ' ',
    h('button', { type: 'button', class: 'inferred-mark', title: rule, 'aria-describedby': id }, t.inferred),
    h('span', { id, class: 'inferred-rule', role: 'tooltip', lang: 'en' }, rule));
}

/** "24 wywnioskowanych z opisu źródła" under the member count, when some are inferred. */
export function inferredCountLine(n: number, t: Strings): HTMLElement | null {
  return n > 0 ? h('p', { class: 'muted inferred-count' }, t.inferredCount(n)) : null;
}

/** Under a programme's loaded figures: how many partnerships are only probable and JSTs only inferred; nothing when all are confirmed. */
export function loadedCertaintyLine(loaded: { probable: { partnerships: number }; inferredJsts: number }, t: Strings): HTMLElement | null {
  if (!loaded.probable.partnerships && !loaded.inferredJsts) return null;
  return h('p', { class: 'muted figure-certainty' }, t.loadedCertainty(loaded.probable.partnerships, loaded.inferredJsts));
}

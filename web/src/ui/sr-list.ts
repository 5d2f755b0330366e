/**
 * A visually hidden text version of the map, for screen readers. It speaks of one scope, what is in
 * the map view; the national figure, when known, comes after it and says that it is national.
 */
import type { Strings } from '../i18n/strings.js';
import { h, replace } from './dom.js';
import type { LegendEntry } from './legend.js';

/** Gminy in partnerships in all of Poland, already formatted ("498", "2 477"). */
export interface NationalFigure { covered: string; total: string }

export function renderScreenReaderList(el: HTMLElement, entries: LegendEntry[], membersBySlug: Map<string, string[]>, gminyCovered: number, t: Strings, national?: NationalFigure | null): void {
  replace(
    el,
    h('h2', {}, t.srSummary),
    h('p', {}, t.srShown(entries.length, gminyCovered)),
    h('ul', {}, entries.map((e) => h('li', {}, `${e.name}: ${(membersBySlug.get(e.slug) ?? []).join(', ')}`))),
    national ? h('p', {}, t.srNational(national.covered, national.total)) : null,
  );
}

/** A visually hidden text version of the map, for screen readers. */
import type { Strings } from '../i18n/strings.js';
import { h, replace } from './dom.js';
import type { LegendEntry } from './legend.js';

export function renderScreenReaderList(el: HTMLElement, entries: LegendEntry[], membersBySlug: Map<string, string[]>, gminyCovered: number, t: Strings): void {
  replace(
    el,
    h('h2', {}, t.srSummary),
    h('p', {}, t.srShown(entries.length, gminyCovered)),
    h('ul', {}, entries.map((e) => h('li', {}, `${e.name}: ${(membersBySlug.get(e.slug) ?? []).join(', ')}`))),
  );
}

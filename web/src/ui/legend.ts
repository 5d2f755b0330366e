/** Explains every colour on screen: the partnerships in view, hatching, "none", outlines. */
import type { Strings } from '../i18n/strings.js';
import { NONE_FILL } from '../map/palette.js';
import { h, replace } from './dom.js';

export interface LegendEntry { slug: string; name: string; colour: string }

const MAX = 10;

export function renderLegend(el: HTMLElement, entries: LegendEntry[], anyMulti: boolean, t: Strings, onPick: (slug: string) => void): void {
  const shown = entries.slice(0, MAX);
  replace(
    el,
    h('h2', {}, t.legend),
    entries.length === 0 ? h('p', { class: 'muted' }, t.legendEmpty) : null,
    h('ul', { class: 'legend-list' },
      shown.map((e) => h('li', {},
        h('span', { class: 'swatch', style: `background:${e.colour}`, 'aria-hidden': 'true' }),
        h('button', { type: 'button', class: 'link', onclick: () => onPick(e.slug) }, e.name))),
      entries.length > MAX ? h('li', { class: 'muted' }, t.legendMore(entries.length - MAX)) : null,
      anyMulti ? h('li', {}, h('span', { class: 'swatch hatch', 'aria-hidden': 'true' }), t.legendMulti) : null,
      h('li', {}, h('span', { class: 'swatch', style: `background:${NONE_FILL}`, 'aria-hidden': 'true' }), t.legendNone),
      h('li', {}, h('span', { class: 'swatch outline', 'aria-hidden': 'true' }), t.legendOutline),
    ),
  );
}

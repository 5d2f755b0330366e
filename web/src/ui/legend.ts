/** Explains every colour on screen: the mode switch, the partnerships in view or the count scale, hatching, "none", outlines. */
import type { Strings } from '../i18n/strings.js';
import { NONE_FILL } from '../map/palette.js';
import { countFill } from '../map/tile-paint.js';
import type { MapMode } from '../state/url-state.js';
import { h, replace, type Child } from './dom.js';

export interface LegendEntry { slug: string; name: string; colour: string }

export interface LegendOptions {
  mode: MapMode;
  /** The most shown partnerships any gmina in view belongs to (decides which hatch entries show). */
  maxCount: number;
  /** Whether a gmina in view is an inferred member of a shown partnership (the dashed outline is then explained). */
  inferred?: boolean;
  onPick(slug: string): void;
  onMode(mode: MapMode): void;
}

const MAX = 10;

const swatch = (style: string, cls = 'swatch') => h('span', { class: cls, style, 'aria-hidden': 'true' });

/** Two radio buttons: colours by partnership, or by how many partnerships. */
function modeSwitch(mode: MapMode, t: Strings, onMode: (m: MapMode) => void): HTMLElement {
  const option = (value: MapMode, label: string) =>
    h('label', {}, h('input', { type: 'radio', name: 'map-mode', value, checked: mode === value, onchange: () => onMode(value) }), ' ', label);
  return h('fieldset', { class: 'map-mode' }, h('legend', {}, t.legendMode), option('identity', t.modeIdentity), option('count', t.modeCount));
}

function identityItems(entries: LegendEntry[], maxCount: number, t: Strings, onPick: (slug: string) => void): Child[] {
  return [
    entries.slice(0, MAX).map((e) => h('li', {}, swatch(`background:${e.colour}`), h('button', { type: 'button', class: 'link', onclick: () => onPick(e.slug) }, e.name))),
    entries.length > MAX ? h('li', { class: 'muted' }, t.legendMore(entries.length - MAX)) : null,
    maxCount >= 2 ? h('li', { class: 'legend-hatch-2' }, swatch('', 'swatch hatch'), t.legendTwo) : null,
    maxCount >= 3 ? h('li', { class: 'legend-hatch-3' }, swatch('', 'swatch hatch cross'), t.legendThreePlus) : null,
    h('li', {}, swatch(`background:${NONE_FILL}`), t.legendNone),
  ];
}

function countItems(t: Strings): Child[] {
  return [
    h('li', { class: 'legend-count-title muted' }, t.legendCountTitle),
    t.legendCounts.map((label, n) => h('li', { class: 'legend-count' }, swatch(`background:${countFill(n)}`), label)),
  ];
}

export function renderLegend(el: HTMLElement, entries: LegendEntry[], t: Strings, opts: LegendOptions): void {
  const identity = opts.mode === 'identity';
  // The legend is redrawn whenever the map settles: a focused mode switch keeps its focus.
  const focused = el.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement ? document.activeElement.value : null;
  replace(
    el,
    h('h2', {}, t.legend),
    modeSwitch(opts.mode, t, opts.onMode),
    identity && entries.length === 0 ? h('p', { class: 'muted' }, t.legendEmpty) : null,
    h('ul', { class: 'legend-list' },
      identity ? identityItems(entries, opts.maxCount, t, opts.onPick) : countItems(t),
      h('li', {}, swatch('', 'swatch outline'), t.legendOutline),
      opts.inferred ? h('li', { class: 'legend-inferred' }, swatch('', 'swatch inferred'), t.legendInferred) : null,
    ),
  );
  if (focused) el.querySelector<HTMLInputElement>(`input[name="map-mode"][value="${focused}"]`)?.focus();
}

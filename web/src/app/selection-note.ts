/**
 * A note in the details panel when the selected partnership is not coloured on the map: outside
 * the filters (with a button that clears them) or without known members.
 */
import { h } from '../ui/dom.js';
import type { AppContext } from './context.js';

const CLEARED = { programme: null, status: null, voivodeship: null, legalForms: [], areaTypes: [] };

export function updateSelectionNote(ctx: AppContext): void {
  const panel = ctx.ui.details;
  if (!panel) return;
  panel.querySelector('.selection-note')?.remove();
  const slug = ctx.store.get().partnership;
  const summary = slug ? ctx.data.summaries.find((p) => p.slug === slug) : undefined;
  if (!ctx.ready || !summary || !panel.querySelector('#details-title')) return;
  const t = ctx.t();
  let note: HTMLElement | null = null;
  if (summary.functionalArea.memberCount === 0) note = h('p', { class: 'selection-note', role: 'note' }, t.unplacedNote);
  else if (!ctx.paint.shown.some((p) => p.slug === slug)) {
    note = h('div', { class: 'selection-note', role: 'note' },
      h('p', {}, t.outsideFilter),
      h('button', { type: 'button', class: 'clear-filters', onclick: () => ctx.store.update(CLEARED) }, t.clearFilters));
  }
  if (note) panel.querySelector('.details-head')?.after(note);
}

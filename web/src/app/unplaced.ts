/**
 * Partnerships whose members the sources do not name: they have no functional area, so they are on
 * no map. Listed beside the map (those the programme, status, legal-form and area-type filters
 * keep; a województwo cannot be known for them), each opening its details.
 */
import type { PartnershipSummary } from '../api/types.js';
import { visiblePartnerships } from '../map/colouring.js';
import { h, replace } from '../ui/dom.js';
import type { AppContext } from './context.js';

/** Partnerships without a known member that the filters (but the województwo) keep, by name. */
export function unplacedPartnerships(ctx: AppContext): PartnershipSummary[] {
  const kept = new Set(visiblePartnerships(ctx.data.facts, { ...ctx.store.get(), voivodeship: null }).map((f) => f.slug));
  return ctx.data.summaries
    .filter((p) => p.functionalArea.memberCount === 0 && kept.has(p.slug))
    .sort((a, b) => a.name.localeCompare(b.name, 'pl'));
}

/** Returns the redraw of the list (none in the embed, which shows the map only). */
export function createUnplacedList(ctx: AppContext, onPick: (slug: string) => void): () => void {
  if (ctx.embed) return () => {};
  const el = h('section', { id: 'unplaced', class: 'unplaced panel-block' });
  ctx.ui.legend.after(el);
  let open = false;
  return () => {
    if (!ctx.ready) return;
    const t = ctx.t();
    const list = unplacedPartnerships(ctx);
    if (!list.length) return el.replaceChildren();
    const details = h('details', { open },
      h('summary', {}, t.unplacedTitle(list.length)),
      h('p', { class: 'muted' }, t.unplacedWhy),
      h('ul', {}, list.map((p) => h('li', {}, h('button', { type: 'button', class: 'link', 'data-slug': p.slug, onclick: () => onPick(p.slug) }, p.name)))));
    details.addEventListener('toggle', () => { open = details.open; });
    replace(el, details);
  };
}

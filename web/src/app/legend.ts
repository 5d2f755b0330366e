/** The legend and its text twin for screen readers, both of what the map draws in the view now. */
import { formatNumber } from '../i18n/strings.js';
import { renderLegend, type LegendEntry } from '../ui/legend.js';
import { renderScreenReaderList } from '../ui/sr-list.js';
import type { AppContext } from './context.js';

/**
 * The shown partnerships with a gmina in view (the selected one always, unless it has no known member and so
 * nothing on the map: the unplaced list names those), selected first, then by gminy in view.
 */
export function legendEntries(ctx: AppContext): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const g of ctx.view.renderedGminy()) for (const s of g.shown) counts.set(s, (counts.get(s) ?? 0) + 1);
  const sel = ctx.store.get().partnership;
  return ctx.paint.shown
    .filter((p) => counts.has(p.slug) || (p.slug === sel && p.functionalArea.memberCount > 0))
    .sort((a, b) => Number(b.slug === sel) - Number(a.slug === sel) || (counts.get(b.slug) ?? 0) - (counts.get(a.slug) ?? 0) || a.name.localeCompare(b.name, 'pl'))
    .map((p) => ({ slug: p.slug, name: p.name, colour: ctx.paint.colours.get(p.slug)! }));
}

/** Returns the redraw of legend and list; `onPick` selects a partnership from the legend. */
export function createLegend(ctx: AppContext, onPick: (slug: string) => void): () => void {
  return () => {
    if (!ctx.ready) return;
    const t = ctx.t();
    const entries = legendEntries(ctx);
    const rendered = ctx.view.renderedGminy();
    renderLegend(ctx.ui.legend, entries, t, {
      mode: ctx.store.get().mode, maxCount: Math.max(0, ...rendered.map((g) => g.count)), onPick, onMode: (mode) => ctx.store.update({ mode }),
      inferred: rendered.some((g) => g.inferred.length > 0),
    });
    // The text version says what the map shows now: the gminy drawn in the view, named from the tiles.
    const members = new Map<string, string[]>();
    for (const g of [...rendered].sort((a, b) => a.name.localeCompare(b.name, 'pl'))) {
      for (const s of g.shown) members.set(s, [...(members.get(s) ?? []), g.name]);
    }
    const cov = ctx.coverage;
    const national = cov && { covered: formatNumber(cov.gminyCovered, ctx.store.get().lang), total: formatNumber(cov.gminyTotal, ctx.store.get().lang) };
    renderScreenReaderList(ctx.ui.srList, entries, members, rendered.filter((g) => g.count > 0).length, t, national);
  };
}

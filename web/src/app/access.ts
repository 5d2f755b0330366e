/**
 * Access and the table view, wired to the state: landmark names, the map / table switch and the
 * table, focus that returns to what opened the details, Escape. It listens to the store and the
 * map itself, so the other controllers need not know of it.
 */
import { labelLayout } from '../ui/layout.js';
import { FocusReturn, keepFocusAcrossRedraws, onEscape } from '../ui/focus.js';
import { renderTable, renderViewToggle, showTable } from '../ui/table.js';
import type { AppContext } from './context.js';

/** Returns the redraw of what depends on the language, the partnerships shown and the table state. */
export function wireAccess(ctx: AppContext, open: (slug: string) => void): () => void {
  const { ui, store } = ctx;
  const focus = ui.details ? new FocusReturn(ui.details, () => ctx.view.map.getCanvas()) : null;
  let drawn = '';

  const render = (): void => {
    const s = store.get();
    // Redrawn only when what it shows changed: the map's idle events come often.
    // The figures count too: another day (asOf) may show the same partnerships with other members and areas.
    const key = JSON.stringify([s.lang, s.table, ctx.paint.shown.map((p) => [p.slug, p.functionalArea.memberCount, p.functionalArea.areaKm2])]);
    if (key === drawn) return;
    drawn = key;
    const t = ctx.t();
    labelLayout(ui, t);
    if (!ui.table || !ui.viewToggle) return;
    renderViewToggle(ui.viewToggle, Boolean(s.table), t, (on) => store.update({ table: on ? { column: 'name', descending: false } : null }));
    showTable(ui.map, ui.table, Boolean(s.table));
    if (!s.table) return;
    // A sort redraws the table: the header button that sorted keeps focus.
    const active = document.activeElement as HTMLElement | null;
    const sorting = active && ui.table.contains(active) ? active.dataset.column : undefined;
    renderTable(ui.table, ctx.paint.shown, s.table, t, s.lang, { sort: (table) => store.update({ table }), open });
    if (sorting) ui.table.querySelector<HTMLElement>(`button[data-column="${sorting}"]`)?.focus();
  };

  store.subscribe((next, prev) => {
    const selected = Boolean(next.gmina || next.partnership);
    if (selected && (next.gmina !== prev.gmina || next.partnership !== prev.partnership)) focus?.remember();
    if (!selected && (prev.gmina || prev.partnership)) focus?.restore();
    if (ctx.ready && (next.table !== prev.table || next.lang !== prev.lang)) render();
  });
  // The share box closes back onto the button (Share or Embed) that opened it.
  let shareOpener: HTMLElement | null = null;
  ui.shareSlot?.addEventListener('click', (e) => { shareOpener = (e.target as HTMLElement).closest('button'); });
  onEscape(() => {
    if (ui.shareOutput && !ui.shareOutput.hidden) {
      ui.shareOutput.hidden = true;
      (shareOpener ?? ui.shareSlot?.querySelector<HTMLElement>('button'))?.focus();
      return true;
    }
    // In an embed the selection is the embedder's, not an open panel: its details overlay closes itself.
    if (!ui.details) return false;
    const s = store.get();
    if (!s.gmina && !s.partnership) return false;
    store.update({ gmina: null, partnership: null });
    return true;
  });
  keepFocusAcrossRedraws(ui.legend);
  // The filters change the partnerships shown after a repaint, which ends in an idle map.
  ctx.view.map.on('idle', render);
  return render;
}

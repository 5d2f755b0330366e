/** What follows a state change: the URL always; once ready, the paint, coverage, details and chrome. */
import { filtersChanged } from '../state/store.js';
import { serializeState } from '../state/url-state.js';
import type { AppContext } from './context.js';

export interface Redraws {
  repaint(): Promise<void>;
  legend(): void;
  coverage(): Promise<void>;
  details(): Promise<void>;
  chrome(): void;
}

export function syncState(ctx: AppContext, redraw: Redraws): void {
  ctx.store.subscribe((next, prev) => {
    history.replaceState(null, '', `${location.pathname}${serializeState(next)}`);
    if (!ctx.ready) return;
    const filters = filtersChanged(next, prev);
    if (filters) {
      void redraw.repaint().then(redraw.legend);
      if (next.programme !== prev.programme) void redraw.coverage();
    }
    if (next.gmina !== prev.gmina || next.partnership !== prev.partnership) void redraw.details();
    if (next.lang !== prev.lang) {
      redraw.chrome();
      void redraw.details();
    } else if (filters || ctx.ui.embedFooter) redraw.chrome();
  });
}

/** What follows a state change: the URL always; once ready, the paint, coverage, details and chrome. */
import { filtersChanged } from '../state/store.js';
import type { AppContext } from './context.js';
import type { HistoryWriter } from './history.js';

export interface Redraws {
  repaint(): Promise<void>;
  legend(): void;
  coverage(): Promise<void>;
  details(): Promise<void>;
  chrome(): void;
  /** Frames a newly chosen województwo (2-digit TERC). */
  voivodeship(code: string): void;
}

export function syncState(ctx: AppContext, redraw: Redraws, history: HistoryWriter): void {
  ctx.store.subscribe((next, prev) => {
    history.write(next, prev);
    if (!ctx.ready) return;
    const filters = filtersChanged(next, prev);
    if (filters) {
      void redraw.repaint().then(redraw.legend);
      // Coverage follows every filter on screen, not the programme alone.
      void redraw.coverage();
    }
    // A camera of its own (Back to an entry) wins over framing the województwo.
    if (next.voivodeship && next.voivodeship !== prev.voivodeship && next.center === prev.center) redraw.voivodeship(next.voivodeship);
    if (next.gmina !== prev.gmina || next.partnership !== prev.partnership) void redraw.details();
    if (next.lang !== prev.lang) {
      // MapLibre's own control titles and the attribution follow the language.
      ctx.view.setLanguage(ctx.t().mapControls, ctx.t().attribution);
      redraw.chrome();
      void redraw.details();
    } else if (filters || ctx.ui.embedFooter) redraw.chrome();
  });
}

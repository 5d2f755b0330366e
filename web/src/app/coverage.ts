/** The coverage panel: how much of the programme's target the mapped partnerships cover. */
import { fetchCoverage } from '../api/queries.js';
import { renderCoverage } from '../ui/coverage.js';
import type { AppContext } from './context.js';

export interface CoverageController {
  /** Asks the API for the figures of the current filters; an answer for filters no longer on screen is dropped. */
  load(): Promise<void>;
  /** Draws the panel from what is known now (loading while null). */
  render(): void;
}

export function createCoverage(ctx: AppContext): CoverageController {
  const render = (): void => {
    if (!ctx.ui.coverage) return;
    const s = ctx.store.get();
    renderCoverage(ctx.ui.coverage, ctx.coverage, ctx.data.programmes.find((p) => p.code === s.programme) ?? null, ctx.t(), s.lang);
  };
  const load = async (): Promise<void> => {
    const s = ctx.store.get();
    ctx.coverage = null;
    render();
    const mine = s.programme;
    try {
      const c = await fetchCoverage(s.programme, null);
      if (ctx.store.get().programme === mine) ctx.coverage = c;
    } catch {
      ctx.coverage = null;
    }
    render();
  };
  return { load, render };
}

/** The coverage panel: how much the partnerships the filters keep cover, for exactly the filters on screen. */
import { fetchCoverage } from '../api/queries.js';
import type { Strings } from '../i18n/strings.js';
import type { ViewState } from '../state/url-state.js';
import { renderCoverage, type CoverageView } from '../ui/coverage.js';
import type { AppContext } from './context.js';

export interface CoverageController {
  /** Asks the API for the figures of the current filters; an answer for filters no longer on screen is dropped. */
  load(): Promise<void>;
  /** Draws the panel from what is known now (loading, error with retry, or figures). */
  render(): void;
}

const filterKey = (s: ViewState) => JSON.stringify([s.programme, s.status, s.voivodeship, s.legalForms, s.areaTypes, s.asOf]);

/** The filters on screen in words, in the current language. */
export function describeFilters(ctx: AppContext, s: ViewState, t: Strings): string {
  const woj = ctx.data.voivodeshipNames.find(([code]) => code === s.voivodeship)?.[1];
  return [
    s.programme,
    s.status ? `${t.status.toLocaleLowerCase(s.lang)}: ${t.statusNames[s.status] ?? s.status}` : null,
    woj ? `${t.voivodeship.toLocaleLowerCase(s.lang)} ${woj}` : null,
    ...s.legalForms.map((f) => t.legalForms[f] ?? f),
    ...s.areaTypes.map((a) => t.areaTypes[a] ?? a),
  ].filter(Boolean).join(', ');
}

export function createCoverage(ctx: AppContext): CoverageController {
  let view: CoverageView = { state: 'loading' };
  const render = (): void => {
    if (!ctx.ui.coverage) return;
    const s = ctx.store.get();
    const t = ctx.t();
    renderCoverage(ctx.ui.coverage, view, ctx.data.programmes.find((p) => p.code === s.programme) ?? null, describeFilters(ctx, s, t), t, s.lang);
  };
  const load = async (): Promise<void> => {
    const s = ctx.store.get();
    const mine = filterKey(s);
    ctx.coverage = null;
    view = { state: 'loading' };
    render();
    try {
      const c = await fetchCoverage(s);
      if (filterKey(ctx.store.get()) !== mine) return;
      ctx.coverage = c;
      view = { state: 'ready', coverage: c };
    } catch (error) {
      if (filterKey(ctx.store.get()) !== mine) return;
      view = { state: 'error', error, retry: () => void load() };
    }
    render();
  };
  return { load, render };
}

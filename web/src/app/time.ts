/**
 * The map's time: the day it shows (`asOf`), the programme period and phase (`prog`, `phase`) and the
 * changes view (`from`, `to`), and what follows when they change: the tiles' time, the partnerships
 * of that day (legend, colours, table), coverage, details, and the changes list and its map outline.
 */
import { fetchChanges, fetchPartnerships } from '../api/queries.js';
import type { Changes } from '../api/types.js';
import type { ViewState } from '../state/url-state.js';
import { renderTimePanel, type ChangesView } from '../ui/time-panel.js';
import { factsOf } from './boot.js';
import type { AppContext } from './context.js';

/**
 * The tiles' time parameters for a view (docs/tiles.md): `asOf` the day; with a programme, its
 * period (and phase), so the map colours the members of that period as coverage counts them.
 */
export function tileTime(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.asOf) q.set('asOf', s.asOf);
  if (s.programme) {
    q.set('period', s.programme);
    if (s.phase) q.set('phase', s.phase);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

const CHANGES_LAYER = 'gminy-changes';
/** Outline colours of the changes view: joined, left (distinct for colour-blind readers too: green vs magenta-red). */
const JOINED = '#1a9850';
const LEFT = '#d01c8b';

/** Outlines the gminy that joined (green) or left (red) in the changes view; none when `changes` is null. */
function outlineChanges(ctx: AppContext, changes: Changes | null): void {
  const map = ctx.view.map;
  if (!map.getLayer(CHANGES_LAYER)) {
    map.addLayer({ id: CHANGES_LAYER, type: 'line', source: 'gminy', 'source-layer': 'gminy', filter: ['boolean', false], paint: { 'line-width': 3 } });
  }
  const joined = changes?.joined.map((c) => c.jst.teryt) ?? [];
  const left = changes?.left.map((c) => c.jst.teryt) ?? [];
  map.setFilter(CHANGES_LAYER, ['in', ['get', 'teryt'], ['literal', [...joined, ...left]]]);
  map.setPaintProperty(CHANGES_LAYER, 'line-color', ['case', ['in', ['get', 'teryt'], ['literal', joined]], JOINED, LEFT]);
}

export interface TimeRedraws {
  repaint(): Promise<void>;
  legend(): void;
  coverage(): Promise<void>;
  details(): Promise<void>;
}

const today = () => new Date().toISOString().slice(0, 10);
const changesKey = (s: ViewState) => (s.changes ? `${s.changes.from}/${s.changes.to}` : '');

/** Wires the time panel; returns its render (called with the chrome, e.g. on a language change). */
export function createTime(ctx: AppContext, redraw: TimeRedraws): () => void {
  let view: ChangesView = { state: 'none' };
  const render = () => {
    if (!ctx.ui.time) return;
    const s = ctx.store.get();
    renderTimePanel(ctx.ui.time, s, ctx.data.programmes, today(), view, ctx.t(), s.lang, {
      asOf: (asOf) => ctx.store.update({ asOf }),
      period: (programme, phase) => ctx.store.update({ programme, phase }),
      changes: (changes) => ctx.store.update({ changes }),
    });
  };
  // A day's partnerships: those running then, with that day's areas and member counts.
  const reloadDay = async () => {
    const asOf = ctx.store.get().asOf ?? null;
    const summaries = await fetchPartnerships(asOf);
    if ((ctx.store.get().asOf ?? null) !== asOf) return;
    ctx.data.summaries = summaries;
    ctx.data.facts = factsOf(summaries);
    await redraw.repaint();
    redraw.legend();
  };
  const loadChanges = async () => {
    const s = ctx.store.get();
    const key = changesKey(s);
    if (!s.changes) {
      view = { state: 'none' };
      outlineChanges(ctx, null);
      return render();
    }
    view = { state: 'loading' };
    render();
    try {
      const changes = await fetchChanges(s.changes.from, s.changes.to);
      if (changesKey(ctx.store.get()) !== key) return;
      view = { state: 'ready', changes };
      outlineChanges(ctx, changes);
    } catch {
      if (changesKey(ctx.store.get()) !== key) return;
      view = { state: 'error', retry: () => void loadChanges() };
    }
    render();
  };
  ctx.store.subscribe((next, prev) => {
    if (!ctx.ready) return;
    if (tileTime(next) !== tileTime(prev)) ctx.view.setTileTime(tileTime(next));
    const [dayMoved, phaseMoved] = [(next.asOf ?? null) !== (prev.asOf ?? null), (next.phase ?? null) !== (prev.phase ?? null)];
    if (dayMoved) {
      void reloadDay();
      void redraw.coverage();
      void redraw.details();
    } else if (phaseMoved && next.programme === prev.programme) {
      void redraw.repaint().then(redraw.legend);
    }
    if (changesKey(next) !== changesKey(prev)) void loadChanges();
    else if (dayMoved || phaseMoved || next.programme !== prev.programme || next.lang !== prev.lang) render();
  });
  /** The first draw, once the boot data is in: the panel, and the changes of the URL. */
  return () => {
    render();
    if (ctx.store.get().changes && view.state === 'none') void loadChanges();
  };
}

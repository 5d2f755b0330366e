/** `window.__atlas`: what the browser tests and the web bench read of the running app. */
import { loadStats } from '../api/client.js';
import { serializeState, type ViewState } from '../state/url-state.js';
import type { AppContext } from './context.js';

export function exposeTestHook(ctx: AppContext): void {
  const { view, store, embed } = ctx;
  const hook = {
    map: view.map,
    embed,
    state: (): ViewState => store.get(),
    query: () => serializeState(store.get()),
    renderedGminy: () => view.renderedGminy(),
    renderedAreas: (layer = 'areas-line') => view.map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties?.slug as string),
    paint: () => ({ shown: ctx.paint.shown.map((p) => p.slug), colours: Object.fromEntries(ctx.paint.colours) }),
    stats: loadStats,
    /** The coverage figures the panel shows (null while loading or after an error). */
    coverage: () => ctx.coverage,
    /** Resolves once the map has no pending tiles or transitions. */
    idle: () => view.settled(),
    ready: true,
  };
  (window as unknown as { __atlas: typeof hook }).__atlas = hook;
  document.body.dataset.ready = 'true';
}

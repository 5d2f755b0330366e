/**
 * The browser history: a new selection (partnership or gmina) is a new entry, so Back and Forward
 * move between selections; filters, language and camera replace the current entry. Back or
 * Forward puts the state of that entry back, camera included.
 */
import { parseState, serializeState, type ViewState } from '../state/url-state.js';
import type { AppContext } from './context.js';

const selectionOf = (s: ViewState) => `${s.partnership ?? ''}|${s.gmina ?? ''}`;

export interface HistoryWriter {
  /** Writes the URL of `next`: a push for a new selection (once ready), otherwise a replace. */
  write(next: ViewState, prev: ViewState): void;
}

export function createHistory(ctx: AppContext): HistoryWriter {
  let restoring = false;
  window.addEventListener('popstate', () => {
    const restored = parseState(location.search);
    restoring = true;
    try {
      ctx.store.update(restored);
    } finally {
      restoring = false;
    }
    if (restored.center && restored.zoom !== null) ctx.view.map.jumpTo({ center: restored.center, zoom: restored.zoom });
  });
  return {
    write(next, prev) {
      const url = `${location.pathname}${serializeState(next)}`;
      if (ctx.ready && !restoring && selectionOf(next) !== selectionOf(prev)) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    },
  };
}

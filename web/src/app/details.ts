/** The details panel: what the selected partnership or gmina is, and the actions its links trigger. */
import { fetchJst, fetchPartnership } from '../api/queries.js';
import { renderGmina, renderPartnership, type DetailActions } from '../ui/details.js';
import { h, replace } from '../ui/dom.js';
import { loadFailure } from '../ui/retry.js';
import type { AppContext } from './context.js';
import type { Camera } from './map.js';

export interface DetailsController {
  actions: DetailActions;
  /** Shows the selection of the current state (and marks it on the map). */
  render(): Promise<void>;
}

export function createSelectionActions(ctx: AppContext, camera: Camera): DetailActions {
  return {
    selectPartnership: (slug) => {
      ctx.store.update({ partnership: slug, gmina: null });
      camera.flyTo(camera.partnershipBbox(slug));
    },
    selectGmina: (teryt, bbox) => {
      ctx.store.update({ gmina: teryt, partnership: null });
      if (bbox) camera.flyTo(bbox);
      else void camera.gminaBbox(teryt).then(camera.flyTo);
    },
    close: () => ctx.store.update({ gmina: null, partnership: null }),
  };
}

export function createDetails(ctx: AppContext, camera: Camera): DetailsController {
  const actions = createSelectionActions(ctx, camera);
  // Each render takes a number; an answer that comes back after a newer render started is dropped.
  let seq = 0;
  const render = async (): Promise<void> => {
    const s = ctx.store.get();
    const t = ctx.t();
    const el = ctx.ui.details;
    ctx.view.select(s.gmina, s.partnership);
    if (!el) return;
    const mine = ++seq;
    // The panel keeps its place when empty, so the map never resizes under a camera animation.
    if (!s.gmina && !s.partnership) return replace(el, h('h2', { id: 'details-title' }, t.details), h('p', { class: 'muted' }, t.detailsHint));
    replace(el, h('p', { class: 'muted' }, t.loading));
    try {
      // A link to a partnership or gmina the atlas no longer has answers null: said so, not as a failure.
      const notFound = () => replace(el, h('h2', { id: 'details-title' }, t.details), h('p', { class: 'muted' }, t.notFound));
      if (s.partnership) {
        const p = await fetchPartnership(s.partnership, s.asOf ?? null);
        if (mine !== seq) return;
        if (p) renderPartnership(el, p, t, s.lang, actions);
        else notFound();
      } else if (s.gmina) {
        const j = await fetchJst(s.gmina, s.asOf ?? null);
        if (mine !== seq) return;
        // A former code (a link from before a TERYT change) finds the gmina; the tiles know it by its current code.
        if (j && j.teryt !== s.gmina) ctx.view.select(j.teryt, null);
        if (j) renderGmina(el, j, t, s.lang, actions);
        else notFound();
      }
    } catch (err) {
      if (mine === seq) replace(el, h('h2', { id: 'details-title' }, t.details), loadFailure(t, err, () => void render()));
    }
  };
  return { actions, render };
}

/** Which partnerships the filters keep, and their colours on the map. */
import { fetchSlugsInVoivodeship } from '../api/queries.js';
import { assignColours, visiblePartnerships } from '../map/colouring.js';
import { PARTNERSHIP_PALETTE } from '../map/palette.js';
import type { AppContext } from './context.js';

/** Returns `repaint`: recolours the map for the current filters; rejects when the województwo's partnerships cannot be read. */
export function createPainter(ctx: AppContext): () => Promise<void> {
  // Which partnerships have a member in a województwo is the API's answer, asked once per województwo when filtered by it.
  const inVoivodeship = new Map<string, Promise<void>>();
  const knowVoivodeship = (code: string | null): Promise<void> => {
    if (!code) return Promise.resolve();
    if (!inVoivodeship.has(code)) {
      inVoivodeship.set(code, fetchSlugsInVoivodeship(code).then((slugs) => {
        const hit = new Set(slugs);
        for (const f of ctx.data.facts) if (hit.has(f.slug)) f.voivodeships.push(code);
      }, (err: unknown) => {
        // Forgotten, so the next repaint asks again; the failure goes to the caller, who offers a retry.
        inVoivodeship.delete(code);
        throw err;
      }));
    }
    return inVoivodeship.get(code)!;
  };

  return async () => {
    await knowVoivodeship(ctx.store.get().voivodeship);
    const visible = visiblePartnerships(ctx.data.facts, ctx.store.get());
    ctx.paint.colours = assignColours(visible, ctx.data.slots, PARTNERSHIP_PALETTE);
    const slugs = new Set(visible.map((p) => p.slug));
    ctx.paint.shown = ctx.data.summaries.filter((p) => slugs.has(p.slug));
    ctx.view.paint(ctx.paint.colours, ctx.store.get().mode);
  };
}

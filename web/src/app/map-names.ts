/** The hover tooltip and the colouring mode (identity or count) of the map, wired to the app's state. */
import { MapTooltip } from '../map/tooltip.js';
import { tooltipContent } from '../map/tooltip-content.js';
import type { AppContext } from './context.js';

/** Mounts the tooltip, and repaints and redraws the legend when the mode changes. */
export function mountMapNames(ctx: AppContext, legend: () => void): void {
  const names = () => new Map(ctx.data.summaries.map((p) => [p.slug, p.name]));
  new MapTooltip(ctx.view.map, (g) => tooltipContent(g, names(), ctx.paint.colours, ctx.t()));
  ctx.store.subscribe((next, prev) => {
    if (!ctx.ready || next.mode === prev.mode) return;
    ctx.view.paint(ctx.paint.colours, next.mode);
    legend();
  });
}

/** What a view gives to take away: its data's date, and a saved image of it (full view and embed alike). */
import { saveImage, type ImageParts } from '../ui/save-image.js';
import type { AppContext } from './context.js';
import { legendEntries } from './legend.js';
import { datasetInfo, formatDate } from './version.js';

export { formatDate };

/** When the data the page shows was committed (ISO 8601: the pinned version's on a pinned page), asked once per page; null when the API could not say. */
export const datasetDate = (): Promise<string | null> => datasetInfo().then((info) => info?.changedAt ?? null);

/** The image's title: the view's own (`title=`), else the selected partnership's name, else the atlas's. */
function imageTitle(ctx: AppContext): string {
  const s = ctx.store.get();
  const t = ctx.t();
  const selected = s.partnership ? ctx.data.summaries.find((p) => p.slug === s.partnership)?.name : null;
  return s.title ?? selected ?? `${t.appTitle} — ${t.appSubtitle}`;
}

export async function imageParts(ctx: AppContext): Promise<ImageParts> {
  const t = ctx.t();
  const date = await datasetDate();
  return {
    title: imageTitle(ctx),
    legend: legendEntries(ctx),
    noneLabel: t.legendNone,
    footer: date ? `${t.attribution} · ${t.dataDate(formatDate(date, ctx.store.get().lang))}` : t.attribution,
  };
}

/** Saves the PNG of the view; a failure is said in the status line rather than lost. */
export async function saveViewImage(ctx: AppContext): Promise<void> {
  try {
    await saveImage(ctx.view.map, await imageParts(ctx));
  } catch (err) {
    ctx.ui.status.textContent = `${ctx.t().imageFailed}: ${(err as Error).message}`;
  }
}

/** The embed's parts: its chrome (title, folding legend, take-away, footer) and details over the map. */
import { strings } from '../i18n/strings.js';
import type { Store } from '../state/store.js';
import { serializeState } from '../state/url-state.js';
import { downloadLinks } from '../ui/download.js';
import { enhanceEmbedLayout, type EmbedChrome } from '../ui/embed-chrome.js';
import { createEmbedDetails, type EmbedDetails } from '../ui/embed-details.js';
import type { Layout } from '../ui/layout.js';
import type { AppContext } from './context.js';
import { datasetDate, formatDate, saveViewImage } from './take-away.js';
import { versionLine } from './version.js';

export interface EmbedParts {
  chrome: EmbedChrome;
  details: EmbedDetails;
}

/** Builds the embed's chrome and details panel; before the map is created (the chrome moves its container). */
export function mountEmbed(ui: Layout, store: Store): EmbedParts {
  const chrome = enhanceEmbedLayout(ui);
  const details = createEmbedDetails(chrome.stage, () => ({ t: strings(store.get().lang), lang: store.get().lang, asOf: store.get().asOf ?? null }));
  return { chrome, details };
}

/** Returns the redraw of the embed's chrome; the data's date fills in when the API has answered. */
export function createEmbedRedraw(ctx: AppContext, parts: EmbedParts): () => void {
  let date: string | null = null;
  const redraw = () => {
    const s = ctx.store.get();
    parts.chrome.render({
      t: ctx.t(),
      title: s.title,
      dataDate: date ? formatDate(date, s.lang) : null,
      fullHref: `/${serializeState(s)}`,
      versionLine: versionLine(s, ctx.t(), '/embed'),
      downloads: downloadLinks(s, ctx.t()),
      saveImage: () => void saveViewImage(ctx),
    });
  };
  void datasetDate().then((iso) => {
    date = iso;
    redraw();
  });
  return redraw;
}

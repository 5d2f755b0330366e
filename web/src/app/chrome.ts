/** The page around the map: title, language, search, share and take-away, filters (the embed's chrome: app/embed.ts). */
import { shareUrls } from '../state/url-state.js';
import type { DetailActions } from '../ui/details.js';
import { replace } from '../ui/dom.js';
import { renderFilters } from '../ui/filters.js';
import { createSearch, type SearchBox } from '../ui/search.js';
import { renderShare } from '../ui/share.js';
import type { AppContext } from './context.js';
import type { Camera } from './map.js';
import { saveViewImage } from './take-away.js';
import { datasetInfo, pinnedView, versionLine } from './version.js';

/** The full view's version line, above the map, on a pinned page (redrawn with the chrome: language). */
function showVersionLine(ctx: AppContext): void {
  if (ctx.embed) return; // the embed's footer carries it (app/embed.ts)
  const line = versionLine(ctx.store.get(), ctx.t(), '/');
  const old = ctx.ui.root.querySelector('#version-line');
  if (old) old.replaceWith(...(line ? [line] : []));
  else if (line) ctx.ui.map.parentElement?.prepend(line);
  else void datasetInfo().then((info) => info && versionLine(ctx.store.get(), ctx.t(), '/') && showVersionLine(ctx));
}

/** The search box of the full view (none in the embed), wired to the selection actions. */
export function mountSearch(ctx: AppContext, actions: DetailActions, camera: Camera): SearchBox | null {
  if (ctx.embed) return null;
  const search = createSearch(ctx.t(), (hit) => {
    if (hit.kind === 'partnership') actions.selectPartnership(hit.id);
    else if (hit.kind === 'gmina') actions.selectGmina(hit.id, hit.bbox);
    else camera.flyTo(hit.bbox);
  });
  ctx.ui.searchSlot?.append(search.element);
  return search;
}

/** Returns the redraw of the chrome; `after` redraws the panels that follow it (coverage, legend). */
export function createChrome(ctx: AppContext, search: SearchBox | null, after: () => void): () => void {
  const { ui, store, view } = ctx;
  return () => {
    const s = store.get();
    const tt = ctx.t();
    document.documentElement.lang = s.lang;
    document.title = `${tt.appTitle} — ${tt.appSubtitle}`;
    replace(ui.headerTitle, tt.appTitle);
    view.map.getCanvas().setAttribute('aria-label', tt.mapLabel);
    search?.setStrings(tt);
    if (ui.langButton) {
      ui.langButton.textContent = tt.language;
      ui.langButton.setAttribute('aria-label', tt.languageLabel);
      ui.langButton.setAttribute('lang', s.lang === 'pl' ? 'en' : 'pl');
      ui.langButton.onclick = () => store.update({ lang: s.lang === 'pl' ? 'en' : 'pl' });
    }
    if (ui.shareSlot && ui.shareOutput) {
      // Share and embed links pin the version the page shows, so a cited view never changes (docs/versions.md).
      const urls = (title?: string | null) => shareUrls(location.origin, pinnedView(title === undefined ? store.get() : { ...store.get(), title }));
      renderShare(ui.shareSlot, urls, tt, ui.shareOutput, { view: () => store.get(), saveImage: () => saveViewImage(ctx) });
    }
    showVersionLine(ctx);
    if (ui.filters) {
      const voivodeships = [...ctx.data.voivodeshipNames].sort((a, b) => a[1].localeCompare(b[1], 'pl'));
      const legalForms = [...new Set(ctx.data.summaries.map((p) => p.legalForm))].sort();
      const areaTypes = [...new Set(ctx.data.summaries.map((p) => p.areaType))].sort();
      renderFilters(ui.filters, { programmes: ctx.data.programmes, voivodeships, legalForms, areaTypes }, s, tt, s.lang, (patch) => store.update(patch));
    }
    after();
  };
}

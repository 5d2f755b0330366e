/** Wires the state, the API, the map and the panels together; each concern lives in web/src/app/. */
import { createChrome, mountSearch } from './app/chrome.js';
import { wireAccess } from './app/access.js';
import { createContext } from './app/context.js';
import { createCoverage } from './app/coverage.js';
import { createDetails } from './app/details.js';
import { createEmbedRedraw, mountEmbed } from './app/embed.js';
import { frameInitialSelection, loadBootData } from './app/boot.js';
import { createHistory } from './app/history.js';
import { createLegend } from './app/legend.js';
import { bindMapKeyboard, createCamera, createMapView } from './app/map.js';
import { mountMapNames } from './app/map-names.js';
import { createPainter } from './app/paint.js';
import { updateSelectionNote } from './app/selection-note.js';
import { syncState } from './app/sync.js';
import { createTime } from './app/time.js';
import { exposeTestHook } from './app/test-hook.js';
import { createUnplacedList } from './app/unplaced.js';
import { createUrlNotice } from './app/url-notice.js';
import { Store } from './state/store.js';
import { parseState } from './state/url-state.js';
import { replace } from './ui/dom.js';
import { buildLayout } from './ui/layout.js';
import { loadFailure } from './ui/retry.js';

export async function startApp(el: HTMLElement): Promise<void> {
  const embed = location.pathname === '/embed';
  const store = new Store(parseState(location.search));
  const ui = buildLayout(el, embed);
  // In an embed a click shows details over the map and leaves the embedded selection as it is.
  const embedParts = embed ? mountEmbed(ui, store) : null;
  const ctx = createContext(embed, store, ui, (c) => createMapView(store, ui, () => c.ready, embedParts?.details.showGmina));
  const { view } = ctx;
  const camera = createCamera(ctx);
  const notice = createUrlNotice(ctx);
  const details = createDetails(ctx, camera);
  const coverage = createCoverage(ctx);
  const paint = createPainter(ctx);
  const legend = createLegend(ctx, embedParts?.details.showPartnership ?? details.actions.selectPartnership);
  // A failed repaint (the województwo filter's read) says so in the status line, with a retry.
  const repaint = (): Promise<void> => paint().then(() => updateSelectionNote(ctx), (err: unknown) => {
    replace(ui.status, loadFailure(ctx.t(), err, () => void repaint().then(() => { ui.status.replaceChildren(); legend(); })));
  });
  const unplaced = createUnplacedList(ctx, details.actions.selectPartnership);
  const search = mountSearch(ctx, details.actions, camera);
  const embedChrome = embedParts ? createEmbedRedraw(ctx, embedParts) : null;
  const chrome = createChrome(ctx, search, () => {
    coverage.render();
    legend();
    unplaced();
    notice.render();
    embedChrome?.();
  });
  const showDetails = () => details.render().then(() => updateSelectionNote(ctx));
  const frameVoivodeship = (code: string) => void camera.gminaBbox(code).then(camera.flyTo);
  const time = createTime(ctx, { repaint, legend, coverage: coverage.load, details: showDetails });
  syncState(ctx, { repaint, legend, coverage: coverage.load, details: showDetails, chrome, voivodeship: frameVoivodeship }, createHistory(ctx));
  bindMapKeyboard(ctx, embedParts?.details.showGmina);
  const access = wireAccess(ctx, details.actions.selectPartnership);
  // The URL drops at once what the page could not read (replaced, not pushed).
  store.update({});
  notice.render();
  mountMapNames(ctx, legend);

  const boot = async (): Promise<void> => {
    if (!(await loadBootData(ctx, () => void boot()))) return;
    notice.checkKnownValues();
    ctx.ready = true;
    ui.status.textContent = '';
    await repaint();
    await frameInitialSelection(ctx, camera);
    view.map.on('idle', legend);
    chrome();
    time();
    access();
    void showDetails();
    void coverage.load();
    exposeTestHook(ctx);
  };
  await boot();
}

/** Wires the state, the API, the map and the panels together; each concern lives in web/src/app/. */
import { createChrome, mountSearch } from './app/chrome.js';
import { createContext } from './app/context.js';
import { createCoverage } from './app/coverage.js';
import { createDetails } from './app/details.js';
import { frameInitialSelection, loadBootData } from './app/boot.js';
import { createLegend } from './app/legend.js';
import { bindMapKeyboard, createCamera, createMapView } from './app/map.js';
import { createPainter } from './app/paint.js';
import { syncState } from './app/sync.js';
import { exposeTestHook } from './app/test-hook.js';
import { Store } from './state/store.js';
import { parseState } from './state/url-state.js';
import { buildLayout } from './ui/layout.js';

export async function startApp(el: HTMLElement): Promise<void> {
  const embed = location.pathname === '/embed';
  const store = new Store(parseState(location.search));
  const ui = buildLayout(el, embed);
  const ctx = createContext(embed, store, ui, (c) => createMapView(store, ui, () => c.ready));
  const { view } = ctx;
  const camera = createCamera(ctx);
  const details = createDetails(ctx, camera);
  const coverage = createCoverage(ctx);
  const repaint = createPainter(ctx);
  const legend = createLegend(ctx, details.actions.selectPartnership);
  const search = mountSearch(ctx, details.actions, camera);
  const chrome = createChrome(ctx, search, () => {
    coverage.render();
    legend();
  });
  syncState(ctx, { repaint, legend, coverage: coverage.load, details: details.render, chrome });
  bindMapKeyboard(ctx);

  if (!(await loadBootData(ctx))) return;
  ctx.ready = true;
  await repaint();
  await frameInitialSelection(ctx, camera);
  ui.status.textContent = '';
  view.map.on('idle', legend);
  chrome();
  void details.render();
  void coverage.load();
  exposeTestHook(ctx);
}

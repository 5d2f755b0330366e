/** Wires the state, the API, the map and the panels together. */
import { loadStats } from './api/client.js';
import {
  fetchCoverage, fetchJst, fetchPartnership, fetchPartnerships, fetchProgrammes, fetchSlugsInVoivodeship, fetchVoivodeships,
} from './api/queries.js';
import type { Coverage, PartnershipSummary, Programme } from './api/types.js';
import { strings } from './i18n/strings.js';
import { assignColours, visiblePartnerships, type PartnershipFacts } from './map/colouring.js';
import { MapView } from './map/map-view.js';
import { PARTNERSHIP_PALETTE } from './map/palette.js';
import { Store, filtersChanged } from './state/store.js';
import { parseState, serializeState, shareUrls, type ViewState } from './state/url-state.js';
import { renderCoverage } from './ui/coverage.js';
import { renderGmina, renderPartnership, type DetailActions } from './ui/details.js';
import { h, replace } from './ui/dom.js';
import { renderFilters } from './ui/filters.js';
import { buildLayout } from './ui/layout.js';
import { renderLegend, type LegendEntry } from './ui/legend.js';
import { createSearch } from './ui/search.js';
import { renderShare } from './ui/share.js';
import { renderScreenReaderList } from './ui/sr-list.js';

export async function startApp(el: HTMLElement): Promise<void> {
  const embed = location.pathname === '/embed';
  const store = new Store(parseState(location.search));
  const t = () => strings(store.get().lang);
  const ui = buildLayout(el, embed);
  let voivodeshipNames: [string, string][] = [];
  let programmes: Programme[] = [];
  let summaries: PartnershipSummary[] = [];
  let facts: PartnershipFacts[] = [];
  let shown: PartnershipSummary[] = [];
  let colours: Map<string, string> = new Map();
  let coverage: Coverage | null = null;
  let ready = false;
  let detailSeq = 0;

  const initial = store.get();
  const view = new MapView({
    container: ui.map,
    center: initial.center,
    zoom: initial.zoom,
    ariaLabel: t().mapLabel,
    attribution: t().attribution,
    onGminaClick: (teryt) => store.update({ gmina: teryt, partnership: null }),
    onMoveEnd: () => {
      if (!ready) return;
      const cam = view.camera();
      store.update({ center: cam.center, zoom: cam.zoom });
    },
  });

  const flyTo = (bbox: number[] | null | undefined) => bbox && view.fitBbox(bbox);
  // The map holds no geometry of its own any more: a gmina's extent comes from the API.
  const gminaBbox = async (teryt: string) => (await fetchJst(teryt).catch(() => null))?.bbox ?? null;
  const partnershipBbox = (slug: string) => summaries.find((s) => s.slug === slug)?.functionalArea.bbox ?? null;

  const actions: DetailActions = {
    selectPartnership: (slug) => {
      store.update({ partnership: slug, gmina: null });
      flyTo(partnershipBbox(slug));
    },
    selectGmina: (teryt, bbox) => {
      store.update({ gmina: teryt, partnership: null });
      if (bbox) flyTo(bbox);
      else void gminaBbox(teryt).then(flyTo);
    },
    close: () => store.update({ gmina: null, partnership: null }),
  };

  // ---- rendering pieces ----
  const legendEntries = (): LegendEntry[] => {
    const counts = new Map<string, number>();
    for (const g of view.renderedGminy()) for (const s of g.shown) counts.set(s, (counts.get(s) ?? 0) + 1);
    const sel = store.get().partnership;
    return shown
      .filter((p) => counts.has(p.slug) || p.slug === sel)
      .sort((a, b) => Number(b.slug === sel) - Number(a.slug === sel) || (counts.get(b.slug) ?? 0) - (counts.get(a.slug) ?? 0) || a.name.localeCompare(b.name, 'pl'))
      .map((p) => ({ slug: p.slug, name: p.shortName && embed ? p.shortName : p.name, colour: colours.get(p.slug)! }));
  };

  const renderLegendAndList = () => {
    if (!ready) return;
    const entries = legendEntries();
    const rendered = view.renderedGminy();
    renderLegend(ui.legend, entries, rendered.some((g) => g.count >= 2), t(), actions.selectPartnership);
    // The text version says what the map shows now: the gminy drawn in the view, named from the tiles.
    const members = new Map<string, string[]>();
    for (const g of [...rendered].sort((a, b) => a.name.localeCompare(b.name, 'pl'))) {
      for (const s of g.shown) members.set(s, [...(members.get(s) ?? []), g.name]);
    }
    renderScreenReaderList(ui.srList, entries, members, rendered.filter((g) => g.count > 0).length, t());
  };

  // Which partnerships have a member in a województwo is the API's answer, asked once per województwo when filtered by it.
  const inVoivodeship = new Map<string, Promise<void>>();
  const knowVoivodeship = (code: string | null): Promise<void> => {
    if (!code) return Promise.resolve();
    if (!inVoivodeship.has(code)) {
      inVoivodeship.set(code, fetchSlugsInVoivodeship(code).then((slugs) => {
        const hit = new Set(slugs);
        for (const f of facts) if (hit.has(f.slug)) f.voivodeships.push(code);
      }, () => void inVoivodeship.delete(code)));
    }
    return inVoivodeship.get(code)!;
  };

  const repaint = async () => {
    await knowVoivodeship(store.get().voivodeship);
    const visible = visiblePartnerships(facts, store.get());
    colours = assignColours(visible, PARTNERSHIP_PALETTE);
    const slugs = new Set(visible.map((p) => p.slug));
    shown = summaries.filter((p) => slugs.has(p.slug));
    view.paint(colours);
  };

  const loadCoverage = async () => {
    const s = store.get();
    coverage = null;
    renderChromeCoverage();
    const mine = s.programme;
    try {
      const c = await fetchCoverage(s.programme, null);
      if (store.get().programme === mine) coverage = c;
    } catch {
      coverage = null;
    }
    renderChromeCoverage();
  };
  const renderChromeCoverage = () => {
    if (!ui.coverage) return;
    const s = store.get();
    renderCoverage(ui.coverage, coverage, programmes.find((p) => p.code === s.programme) ?? null, t(), s.lang);
  };

  const renderDetails = async () => {
    const s = store.get();
    view.select(s.gmina, s.partnership);
    if (!ui.details) return;
    const mine = ++detailSeq;
    // The panel keeps its place when empty, so the map never resizes under a camera animation.
    if (!s.gmina && !s.partnership) return replace(ui.details, h('h2', { id: 'details-title' }, t().details), h('p', { class: 'muted' }, t().detailsHint));
    replace(ui.details, h('p', { class: 'muted' }, t().loading));
    try {
      // A link to a partnership or gmina the atlas no longer has answers null: said so, not as a failure.
      const notFound = () => replace(ui.details!, h('h2', { id: 'details-title' }, t().details), h('p', { class: 'muted' }, t().notFound));
      if (s.partnership) {
        const p = await fetchPartnership(s.partnership);
        if (mine !== detailSeq) return;
        if (p) renderPartnership(ui.details, p, t(), s.lang, actions);
        else notFound();
      } else if (s.gmina) {
        const j = await fetchJst(s.gmina);
        if (mine !== detailSeq) return;
        if (j) renderGmina(ui.details, j, t(), s.lang, actions);
        else notFound();
      }
    } catch (err) {
      if (mine === detailSeq) replace(ui.details, h('p', { role: 'alert' }, `${t().loadError}: ${(err as Error).message}`));
    }
  };

  const search = embed ? null : createSearch(t(), (hit) => {
    if (hit.kind === 'partnership') actions.selectPartnership(hit.id);
    else if (hit.kind === 'gmina') actions.selectGmina(hit.id, hit.bbox);
    else flyTo(hit.bbox);
  });
  if (search && ui.searchSlot) ui.searchSlot.append(search.element);

  const renderChrome = () => {
    const s = store.get();
    const tt = t();
    document.documentElement.lang = s.lang;
    document.title = `${tt.appTitle} — ${tt.appSubtitle}`;
    replace(ui.headerTitle, tt.appTitle);
    view.map.getCanvas().setAttribute('aria-label', tt.mapLabel);
    ui.map.setAttribute('aria-label', tt.mapLabel);
    search?.setStrings(tt);
    if (ui.langButton) {
      ui.langButton.textContent = tt.language;
      ui.langButton.setAttribute('aria-label', tt.languageLabel);
      ui.langButton.setAttribute('lang', s.lang === 'pl' ? 'en' : 'pl');
      ui.langButton.onclick = () => store.update({ lang: s.lang === 'pl' ? 'en' : 'pl' });
    }
    if (ui.shareSlot && ui.shareOutput) renderShare(ui.shareSlot, () => shareUrls(location.origin, store.get()), tt, ui.shareOutput);
    if (ui.filters) {
      const voivodeships = [...voivodeshipNames].sort((a, b) => a[1].localeCompare(b[1], 'pl'));
      const legalForms = [...new Set(summaries.map((p) => p.legalForm))].sort();
      const areaTypes = [...new Set(summaries.map((p) => p.areaType))].sort();
      renderFilters(ui.filters, { programmes, voivodeships, legalForms, areaTypes }, s, tt, s.lang, (patch) => store.update(patch));
    }
    if (ui.embedFooter) {
      const full = `/${serializeState(s)}`;
      replace(ui.embedFooter, h('span', {}, tt.attribution), ' · ', h('a', { href: full, target: '_blank', rel: 'noopener' }, tt.fullView));
    }
    renderChromeCoverage();
    renderLegendAndList();
  };

  // ---- state changes ----
  store.subscribe((next, prev) => {
    history.replaceState(null, '', `${location.pathname}${serializeState(next)}`);
    if (!ready) return;
    if (filtersChanged(next, prev)) {
      void repaint().then(renderLegendAndList);
      if (next.programme !== prev.programme) void loadCoverage();
    }
    if (next.gmina !== prev.gmina || next.partnership !== prev.partnership) void renderDetails();
    if (next.lang !== prev.lang) {
      renderChrome();
      void renderDetails();
    } else if (filtersChanged(next, prev)) renderChrome();
    else if (ui.embedFooter) renderChrome();
  });

  // Keyboard: Enter on the focused map selects the gmina at its centre.
  view.map.getCanvas().addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const c = view.map.project(view.map.getCenter());
    const f = view.map.queryRenderedFeatures(c, { layers: ['gminy-fill'] })[0];
    if (f?.properties?.teryt) store.update({ gmina: f.properties.teryt as string, partnership: null });
  });

  ui.status.textContent = t().loading;
  try {
    const [progs, parts, voivodeships] = await Promise.all([fetchProgrammes(), fetchPartnerships(), fetchVoivodeships(), view.ready]);
    programmes = progs;
    summaries = parts;
    voivodeshipNames = voivodeships.map((v): [string, string] => [v.teryt, v.name.toLocaleLowerCase('pl')]);
  } catch (err) {
    ui.status.textContent = `${t().loadError}: ${(err as Error).message}`;
    ui.status.setAttribute('role', 'alert');
    return;
  }
  facts = summaries.map((p) => ({
    slug: p.slug, legalForm: p.legalForm, areaType: p.areaType, bbox: p.functionalArea.bbox,
    participations: p.participations.map((x) => ({ status: x.status, programme: x.programme.code })),
    voivodeships: [],
  }));
  ready = true;
  await repaint();
  const s = store.get();
  if (!s.center) {
    const bbox = s.partnership ? partnershipBbox(s.partnership) : s.gmina ? await gminaBbox(s.gmina) : null;
    if (bbox) view.fitBbox(bbox, false);
  }
  ui.status.textContent = '';
  view.map.on('idle', renderLegendAndList);
  renderChrome();
  void renderDetails();
  void loadCoverage();
  exposeTestHook(view, store, () => ({ shown: shown.map((p) => p.slug), colours: Object.fromEntries(colours) }), embed);
}

function exposeTestHook(view: MapView, store: Store, paint: () => { shown: string[]; colours: Record<string, string> }, embed: boolean): void {
  const hook = {
    map: view.map,
    embed,
    state: (): ViewState => store.get(),
    query: () => serializeState(store.get()),
    renderedGminy: () => view.renderedGminy(),
    renderedAreas: (layer = 'areas-line') => view.map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties?.slug as string),
    paint,
    stats: loadStats,
    /** Resolves once the map has no pending tiles or transitions. */
    idle: () => view.settled(),
    ready: true,
  };
  (window as unknown as { __atlas: typeof hook }).__atlas = hook;
  document.body.dataset.ready = 'true';
}

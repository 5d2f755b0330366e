/** The map view and the camera moves the app asks of it. */
import { fetchJst } from '../api/queries.js';
import { strings } from '../i18n/strings.js';
import { MapView } from '../map/map-view.js';
import type { Store } from '../state/store.js';
import type { Layout } from '../ui/layout.js';
import type { AppContext } from './context.js';
import { tileTime } from './time.js';

/**
 * The map at the camera of the URL; `isReady` holds camera changes out of the URL until the boot is done.
 * A click on a gmina selects it, unless `onGminaClick` says otherwise (the embed shows it over the map).
 */
export function createMapView(
  store: Store, ui: Layout, isReady: () => boolean,
  onGminaClick = (teryt: string) => store.update({ gmina: teryt, partnership: null }),
): MapView {
  const initial = store.get();
  const t = strings(initial.lang);
  const view: MapView = new MapView({
    container: ui.map,
    center: initial.center,
    zoom: initial.zoom,
    ariaLabel: t.mapLabel,
    attribution: t.attribution,
    locale: t.mapControls,
    onGminaClick,
    tileTime: tileTime(initial),
    onMoveEnd: () => {
      if (!isReady()) return;
      const cam = view.camera();
      store.update({ center: cam.center, zoom: cam.zoom });
    },
  });
  return view;
}

export interface Camera {
  /** Frames a bbox [minLng, minLat, maxLng, maxLat] (degrees); does nothing for null. */
  flyTo(bbox: number[] | null | undefined): void;
  /** A gmina's (or any JST's: powiat, województwo) extent from the API (the map holds no geometry of its own); null when unknown or on error. */
  gminaBbox(teryt: string): Promise<number[] | null>;
  /** A partnership's functional-area extent from the loaded list; null when not loaded. */
  partnershipBbox(slug: string): number[] | null;
}

export function createCamera(ctx: AppContext): Camera {
  return {
    flyTo: (bbox) => { if (bbox) ctx.view.fitBbox(bbox); },
    gminaBbox: async (teryt) => (await fetchJst(teryt).catch(() => null))?.bbox ?? null,
    partnershipBbox: (slug) => ctx.data.summaries.find((s) => s.slug === slug)?.functionalArea.bbox ?? null,
  };
}

/** Keyboard: Enter on the focused map picks the gmina at its centre (selects it, unless `pick` says otherwise, as in the embed). */
export function bindMapKeyboard(ctx: AppContext, pick = (teryt: string) => ctx.store.update({ gmina: teryt, partnership: null })): void {
  const map = ctx.view.map;
  map.getCanvas().addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const c = map.project(map.getCenter());
    const f = map.queryRenderedFeatures(c, { layers: ['gminy-fill'] })[0];
    if (f?.properties?.teryt) pick(f.properties.teryt as string);
  });
}

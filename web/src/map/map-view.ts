/** The MapLibre map: vector-tile sources, paint from the colouring rules, hover, click, selection, camera. */
import * as maplibregl from 'maplibre-gl';
import type { LngLatBoundsLike, MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { paintGmina } from './colouring.js';
import { POLAND } from './extent.js';
import { prefetchLabelFont } from './fonts.js';
import { hatchImage } from './hatch.js';
import { INFERRED_LAYER, inferredFilter } from './inferred.js';
import { LAYERS, SOURCES, dataLayers, dataSources, offlineStyle, partnershipLabelFilter } from './style.js';
import { HATCH_IMAGES, areaColourExpression, areaFilter, countFillExpression, fillExpression, hatchPatternExpression, overlapFilter, splitList } from './tile-paint.js';
import type { MapMode } from '../state/url-state.js';

maplibregl.setWorkerUrl(workerUrl);

export interface MapViewOptions {
  container: HTMLElement;
  center: [number, number] | null;
  zoom: number | null;
  ariaLabel: string;
  attribution: string;
  /** MapLibre's control titles in the interface language (its `locale` option). */
  locale?: Record<string, string>;
  onGminaClick(teryt: string): void;
  onMoveEnd(): void;
  /** The time of the tiles at start (`?asOf=…`, `?period=…`; "" today), so the first tiles are already the right ones. */
  tileTime?: string;
}

export interface RenderedGmina { teryt: string; name: string; count: number; shown: string[]; fill: string; /** Shown partnerships it is an inferred member of. */ inferred: string[] }

export class MapView {
  readonly map: maplibregl.Map;
  readonly ready: Promise<void>;
  private hovered: string | null = null;
  private colours: ReadonlyMap<string, string> = new Map();
  private controls: maplibregl.IControl[] = [];

  constructor(opts: MapViewOptions) {
    const basemap = import.meta.env.VITE_BASEMAP_STYLE as string | undefined;
    const camera = opts.center && opts.zoom !== null ? { center: opts.center, zoom: opts.zoom } : { bounds: POLAND as LngLatBoundsLike, fitBoundsOptions: { padding: 20 } };
    this.map = new maplibregl.Map({
      container: opts.container,
      style: basemap || offlineStyle(location.href, opts.tileTime),
      ...camera,
      attributionControl: false,
      maxBounds: [[5, 44], [33, 60]],
      dragRotate: false,
      pitchWithRotate: false,
      locale: opts.locale,
    });
    // The tiles' TileJSON carries the same attribution as opts.attribution, but in one language: the map shows
    // its own, translated one. Cleared before the control (added after this listener) reads the sources.
    this.map.on('sourcedata', (e) => {
      const source = e.sourceDataType === 'metadata' ? this.map.getSource(e.sourceId) : undefined;
      if (source?.type === 'vector') (source as { attribution?: string }).attribution = undefined;
    });
    if (!basemap) prefetchLabelFont(location.href);
    this.addControls(opts.attribution);
    this.map.touchZoomRotate.disableRotation();
    this.map.getCanvas().setAttribute('aria-label', opts.ariaLabel);
    // Ready once the style is (not the first tiles): the colours are then set before the first tiles are parsed,
    // rather than after, which would make the worker parse every tile of the view a second time.
    this.ready = new Promise((resolve) => {
      this.map.once('style.load', () => {
        if (basemap) {
          for (const [id, src] of Object.entries(dataSources(location.href, opts.tileTime))) this.map.addSource(id, src);
          for (const layer of dataLayers()) this.map.addLayer(layer);
        }
        if (!this.map.hasImage(HATCH_IMAGES.two)) this.map.addImage(HATCH_IMAGES.two, hatchImage(false));
        if (!this.map.hasImage(HATCH_IMAGES.threeOrMore)) this.map.addImage(HATCH_IMAGES.threeOrMore, hatchImage(true));
        resolve();
      });
    });
    this.map.on('mousemove', LAYERS.gminyFill, (e) => this.setHover(e.features?.[0]?.properties?.teryt ?? null));
    this.map.on('mouseleave', LAYERS.gminyFill, () => this.setHover(null));
    this.map.on('click', LAYERS.gminyFill, (e) => {
      const teryt = e.features?.[0]?.properties?.teryt;
      if (typeof teryt === 'string') opts.onGminaClick(teryt);
    });
    this.map.on('moveend', () => opts.onMoveEnd());
  }

  /** Points every tile source at the tiles of another time (`?asOf=…`, `?period=…`, "" for today); MapLibre reloads them. */
  setTileTime(time: string): void {
    for (const [id, src] of Object.entries(dataSources(location.href, time))) (this.map.getSource(id) as maplibregl.VectorTileSource | undefined)?.setUrl(src.url!);
  }

  private addControls(attribution: string): void {
    this.controls = [new maplibregl.AttributionControl({ compact: false, customAttribution: attribution }), new maplibregl.NavigationControl({ showCompass: false })];
    this.map.addControl(this.controls[0]);
    this.map.addControl(this.controls[1], 'top-right');
  }

  /**
   * Switches MapLibre's own texts (control titles) and the attribution to another language. The
   * controls read their titles when added, so they are added again.
   */
  setLanguage(locale: Record<string, string>, attribution: string): void {
    this.map._locale = { ...this.map._locale, ...locale };
    for (const c of this.controls) this.map.removeControl(c);
    this.addControls(attribution);
  }

  private setHover(teryt: string | null): void {
    if (teryt === this.hovered) return;
    const state = (id: string, hover: boolean) => this.map.setFeatureState({ source: SOURCES.gminy, sourceLayer: SOURCES.gminy, id }, { hover });
    if (this.hovered) state(this.hovered, false);
    this.hovered = teryt;
    if (teryt) state(teryt, true);
    this.map.getCanvas().style.cursor = teryt ? 'pointer' : '';
  }

  /**
   * Recolours the gminy, the area outlines and the partnership names for the shown partnerships
   * (slug → colour): the expressions read each feature's partnership list from the tiles, so no
   * geometry is re-sent. Identity mode: each gmina in its partnership's colour, hatched once for two
   * partnerships and crossed for three or more; count mode: by how many, on a sequential scale.
   */
  paint(colours: ReadonlyMap<string, string>, mode: MapMode = 'identity'): void {
    this.colours = colours;
    const identity = mode === 'identity';
    this.map.setPaintProperty(LAYERS.gminyFill, 'fill-color', identity ? fillExpression(colours) : countFillExpression(colours));
    this.map.setFilter(LAYERS.gminyHatch, identity ? overlapFilter(colours) : ['boolean', false]);
    this.map.setPaintProperty(LAYERS.gminyHatch, 'fill-pattern', hatchPatternExpression(colours));
    const slugs = [...colours.keys()];
    const shown = areaFilter(slugs);
    this.map.setFilter(LAYERS.areaCasing, shown);
    this.map.setFilter(LAYERS.areaLine, shown);
    this.map.setPaintProperty(LAYERS.areaLine, 'line-color', identity ? areaColourExpression(colours) : '#333333');
    if (this.map.getLayer(LAYERS.labelsPartnerships)) this.map.setFilter(LAYERS.labelsPartnerships, partnershipLabelFilter(slugs));
    this.map.setFilter(INFERRED_LAYER, inferredFilter(slugs));
  }

  /** Resolves when the map has loaded every tile of the view and drawn it. */
  async settled(): Promise<void> {
    if (this.map.loaded() && !this.map.isMoving() && this.map.areTilesLoaded()) {
      await new Promise<void>((resolve) => {
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      });
    } else await new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
  }

  select(gmina: string | null, partnership: string | null): void {
    this.map.setFilter(LAYERS.gminySelected, ['==', ['get', 'teryt'], gmina ?? '']);
    this.map.setFilter(LAYERS.areaSelected, ['==', ['get', 'slug'], partnership ?? '']);
  }

  /** Fits the camera to [west, south, east, north] (lng,lat degrees). */
  fitBbox(bbox: number[], animate = true): void {
    this.map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 60, maxZoom: 10, animate, duration: animate ? 900 : 0 });
  }

  /**
   * Gminy drawn on screen now, with their paint (for the legend, the text list and the tests). A
   * gmina cut by tile edges comes once per tile; it is counted once.
   */
  renderedGminy(): RenderedGmina[] {
    const seen = new Map<string, RenderedGmina>();
    for (const f of this.map.queryRenderedFeatures({ layers: [LAYERS.gminyFill] }) as MapGeoJSONFeature[]) {
      const p = f.properties as { teryt: string; name: string; partnerships: string; inferred?: string };
      if (seen.has(p.teryt)) continue;
      const paint = paintGmina(splitList(p.partnerships), this.colours);
      const inferred = splitList(p.inferred).filter((s) => paint.shown.includes(s));
      seen.set(p.teryt, { teryt: p.teryt, name: p.name, count: paint.count, shown: paint.shown, fill: paint.fill, inferred });
    }
    return [...seen.values()];
  }

  camera(): { center: [number, number]; zoom: number } {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom() };
  }
}

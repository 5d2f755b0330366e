/** The MapLibre map: sources, paint from the colouring rules, hover, click, selection, camera. */
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, LngLatBoundsLike, MapGeoJSONFeature } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { PartnershipSummary } from '../api/types.js';
import { paintGmina } from './colouring.js';
import type { GeoData } from './geodata.js';
import { FINE_FROM_ZOOM } from './detail-level.js';
import { HATCH_IMAGE, hatchImage } from './hatch.js';
import { LAYERS, SOURCES, dataLayers, dataSources, offlineStyle } from './style.js';

maplibregl.setWorkerUrl(workerUrl);

export const POLAND: [number, number, number, number] = [14.07, 49.0, 24.15, 54.84];

export interface MapViewOptions {
  container: HTMLElement;
  center: [number, number] | null;
  zoom: number | null;
  ariaLabel: string;
  attribution: string;
  onGminaClick(teryt: string): void;
  onMoveEnd(): void;
}

export interface RenderedGmina { teryt: string; name: string; count: number; shown: string[]; fill: string }

export class MapView {
  readonly map: maplibregl.Map;
  readonly ready: Promise<void>;
  private hovered: string | null = null;
  private colours: ReadonlyMap<string, string> = new Map();
  private areas: PartnershipSummary[] = [];

  constructor(private readonly geo: GeoData, opts: MapViewOptions) {
    const basemap = import.meta.env.VITE_BASEMAP_STYLE as string | undefined;
    const camera = opts.center && opts.zoom !== null ? { center: opts.center, zoom: opts.zoom } : { bounds: POLAND as LngLatBoundsLike, fitBoundsOptions: { padding: 20 } };
    this.map = new maplibregl.Map({
      container: opts.container,
      style: basemap || offlineStyle(),
      ...camera,
      attributionControl: { compact: false, customAttribution: opts.attribution },
      maxBounds: [[5, 44], [33, 60]],
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.getCanvas().setAttribute('aria-label', opts.ariaLabel);
    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        if (basemap) {
          for (const [id, src] of Object.entries(dataSources())) this.map.addSource(id, src);
          for (const layer of dataLayers()) this.map.addLayer(layer);
        }
        if (!this.map.hasImage(HATCH_IMAGE)) this.map.addImage(HATCH_IMAGE, hatchImage());
        resolve();
      });
    });
    this.map.on('mousemove', LAYERS.gminyFill, (e) => this.setHover(e.features?.[0]?.properties?.teryt ?? null));
    this.map.on('mouseleave', LAYERS.gminyFill, () => this.setHover(null));
    this.map.on('click', LAYERS.gminyFill, (e) => {
      const teryt = e.features?.[0]?.properties?.teryt;
      if (typeof teryt === 'string') opts.onGminaClick(teryt);
    });
    this.map.on('moveend', () => {
      opts.onMoveEnd();
      void this.refine();
    });
  }

  private setHover(teryt: string | null): void {
    if (teryt === this.hovered) return;
    if (this.hovered) this.map.setFeatureState({ source: SOURCES.gminy, id: this.hovered }, { hover: false });
    this.hovered = teryt;
    if (teryt) this.map.setFeatureState({ source: SOURCES.gminy, id: teryt }, { hover: true });
    this.map.getCanvas().style.cursor = teryt ? 'pointer' : '';
  }

  private source(id: string): GeoJSONSource {
    return this.map.getSource(id) as GeoJSONSource;
  }

  setBoundaries(): void {
    this.source(SOURCES.powiaty).setData(this.geo.powiaty);
    this.source(SOURCES.wojewodztwa).setData(this.geo.wojewodztwa);
  }

  /** Recolours the gminy and redraws the outlines for the shown partnerships and their colours. */
  paint(shown: PartnershipSummary[], colours: ReadonlyMap<string, string>): void {
    this.colours = colours;
    this.areas = shown;
    this.pushGminy();
    const areas: FeatureCollection<Geometry> = {
      type: 'FeatureCollection',
      features: shown
        .filter((p) => p.functionalArea.geometry)
        .map((p): Feature<Geometry> => ({
          type: 'Feature',
          geometry: p.functionalArea.geometry!,
          properties: { slug: p.slug, name: p.name, colour: colours.get(p.slug) ?? '#000' },
        })),
    };
    this.source(SOURCES.areas).setData(areas);
  }

  private pushGminy(): void {
    const features = [...this.geo.gminy.values()].map((f) => {
      const p = paintGmina(this.geo.memberOf(f), this.colours);
      return { ...f, properties: { ...f.properties, partnerships: undefined, fill: p.fill, count: p.count, shown: p.shown.join(' ') } };
    });
    this.source(SOURCES.gminy).setData({ type: 'FeatureCollection', features } as FeatureCollection);
  }

  private pending: Promise<void> = Promise.resolve();

  private refine(): Promise<void> {
    if (this.map.getZoom() < FINE_FROM_ZOOM) return this.pending;
    const b = this.map.getBounds();
    const view: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    this.pending = this.pending
      .then(() => this.geo.refine(view))
      .then((changed) => void (changed && this.pushGminy()))
      .catch(() => undefined);
    return this.pending;
  }

  /** Resolves when finer shapes for the view are in and the map has drawn them. */
  async settled(): Promise<void> {
    await this.pending;
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

  fitBbox(bbox: number[], animate = true): void {
    this.map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 60, maxZoom: 10, animate, duration: animate ? 900 : 0 });
  }

  /** Gminy drawn on screen now, with their paint (for the legend, the text list and the tests). */
  renderedGminy(): RenderedGmina[] {
    const seen = new Map<string, RenderedGmina>();
    for (const f of this.map.queryRenderedFeatures({ layers: [LAYERS.gminyFill] }) as MapGeoJSONFeature[]) {
      const p = f.properties as { teryt: string; name: string; count: number; shown: string; fill: string };
      if (!seen.has(p.teryt)) seen.set(p.teryt, { teryt: p.teryt, name: p.name, count: p.count, shown: p.shown ? p.shown.split(' ') : [], fill: p.fill });
    }
    return [...seen.values()];
  }

  shownAreas(): PartnershipSummary[] {
    return this.areas;
  }

  camera(): { center: [number, number]; zoom: number } {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom() };
  }
}

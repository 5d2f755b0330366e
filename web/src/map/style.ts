/**
 * The self-contained map style: no basemap, no glyph server, no sprites; our vector tiles only, and
 * labels drawn in the page from our own font files (fonts.ts). Every
 * source is a TileJSON URL on the page's own origin (docs/tiles.md), so /embed and a copy of the
 * atlas under another host draw from their own server.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { LABEL_FONT, labelFontFaces } from './fonts.js';
import { inferredLayer } from './inferred.js';
import { HATCH_IMAGES } from './tile-paint.js';
import { BACKGROUND, COUNTY_LINE, GMINA_LINE, LABEL_HALO, LABEL_TEXT, NONE_FILL, SELECTION_LINE, VOIVODESHIP_LINE } from './palette.js';
import { withPin } from '../api/pin.js';

/** Source ids; each is one tile layer of the same name (the contract names the MVT layer like its URL). */
export const SOURCES = { gminy: 'gminy', powiaty: 'powiaty', wojewodztwa: 'wojewodztwa', areas: 'areas', labels: 'labels' } as const;
export const LAYERS = {
  gminyFill: 'gminy-fill',
  gminyHatch: 'gminy-hatch',
  gminyLine: 'gminy-line',
  gminyHover: 'gminy-hover',
  gminySelected: 'gminy-selected',
  areaCasing: 'areas-casing',
  areaLine: 'areas-line',
  areaSelected: 'areas-selected',
  labelsVoivodeships: 'labels-wojewodztwa',
  labelsCounties: 'labels-powiaty',
  labelsGminy: 'labels-gminy',
  labelsPartnerships: 'labels-partnerships',
} as const;

/**
 * The label layers, bottom to top. MapLibre places the topmost layer's labels first, so in a
 * collision województwa (few, up to z8.5) win, then partnerships, then gminy, then powiaty (a city
 * with powiat rights is a gmina and a powiat of one name at one point: it is named once, as the gmina).
 */
export const LABEL_LAYERS = [LAYERS.labelsCounties, LAYERS.labelsGminy, LAYERS.labelsPartnerships, LAYERS.labelsVoivodeships] as const;

/** Before the partnerships are in, nothing is coloured and no area outline is drawn. */
const NOTHING: ExpressionSpecification = ['==', ['get', 'slug'], ''];

/** Layers drawing our data; placed over an external basemap when one is configured. */
export function dataLayers(): LayerSpecification[] {
  const gminy = { source: SOURCES.gminy, 'source-layer': SOURCES.gminy } as const;
  const areas = { source: SOURCES.areas, 'source-layer': SOURCES.areas } as const;
  return [
    {
      id: LAYERS.gminyFill, type: 'fill', ...gminy,
      paint: {
        'fill-color': NONE_FILL,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0.82],
        // Neighbouring polygons meet exactly; antialiasing would draw a hairline of background between them.
        'fill-antialias': false,
      },
    },
    { id: LAYERS.gminyHatch, type: 'fill', ...gminy, filter: ['boolean', false], paint: { 'fill-pattern': HATCH_IMAGES.two } },
    {
      id: LAYERS.gminyLine, type: 'line', ...gminy,
      paint: { 'line-color': GMINA_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.2, 9, 0.8, 12, 1.2] },
    },
    inferredLayer(SOURCES.gminy),
    {
      id: 'powiaty-line', type: 'line', source: SOURCES.powiaty, 'source-layer': SOURCES.powiaty, minzoom: 6,
      paint: { 'line-color': COUNTY_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 10, 1.4] },
    },
    {
      id: 'wojewodztwa-line', type: 'line', source: SOURCES.wojewodztwa, 'source-layer': SOURCES.wojewodztwa,
      paint: { 'line-color': VOIVODESHIP_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.5] },
    },
    {
      id: LAYERS.areaCasing, type: 'line', ...areas, filter: NOTHING,
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 5], 'line-opacity': 0.9 },
    },
    {
      id: LAYERS.areaLine, type: 'line', ...areas, filter: NOTHING,
      paint: { 'line-color': '#000000', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.2, 10, 2.5] },
    },
    {
      id: LAYERS.gminyHover, type: 'line', ...gminy,
      paint: { 'line-color': SELECTION_LINE, 'line-width': 2, 'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0] },
    },
    {
      id: LAYERS.areaSelected, type: 'line', ...areas, filter: NOTHING,
      paint: { 'line-color': SELECTION_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 4.5], 'line-dasharray': [3, 1] },
    },
    {
      id: LAYERS.gminySelected, type: 'line', ...gminy, filter: ['==', ['get', 'teryt'], ''],
      paint: { 'line-color': SELECTION_LINE, 'line-width': 3.5 },
    },
  ];
}

const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

/** Partnership labels of the shown partnerships only (`slugs`). */
export function partnershipLabelFilter(slugs: readonly string[]): ExpressionSpecification {
  return ['all', ofKind('partnership'), ['in', ['get', 'slug'], ['literal', [...slugs]]]];
}

/**
 * Names from the `labels` tile layer (docs/tiles.md), each kind in its zoom band; a white halo keeps
 * them readable over any fill, and MapLibre drops those that would collide. Units are regular type
 * (województwa in spaced capitals, powiaty grey, gminy dark); partnerships bold and larger.
 */
export function labelLayers(): LayerSpecification[] {
  const labels = { type: 'symbol', source: SOURCES.labels, 'source-layer': SOURCES.labels } as const;
  const halo = (width: number) => ({ 'text-color': LABEL_TEXT, 'text-halo-color': LABEL_HALO, 'text-halo-width': width, 'text-halo-blur': 0.5 });
  const zoomed = (from: number, a: number, to: number, b: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], from, a, to, b];
  const layers: LayerSpecification[] = [
    {
      id: LAYERS.labelsVoivodeships, ...labels, filter: ofKind('wojewodztwo'), maxzoom: 8.5,
      layout: {
        'text-field': ['get', 'name'], 'text-font': [...LABEL_FONT.regular], 'text-size': zoomed(5, 10, 8, 14),
        'text-transform': 'uppercase', 'text-letter-spacing': 0.08, 'text-max-width': 12,
      },
      paint: { ...halo(1.6), 'text-color': '#3b4450' },
    },
    {
      id: LAYERS.labelsCounties, ...labels, filter: ofKind('powiat'), minzoom: 7.5, maxzoom: 10,
      layout: { 'text-field': ['get', 'name'], 'text-font': [...LABEL_FONT.regular], 'text-size': zoomed(7.5, 10, 10, 12), 'text-max-width': 8 },
      paint: { ...halo(1.4), 'text-color': '#4a5360' },
    },
    {
      id: LAYERS.labelsGminy, ...labels, filter: ofKind('gmina'), minzoom: 9,
      layout: { 'text-field': ['get', 'name'], 'text-font': [...LABEL_FONT.regular], 'text-size': zoomed(9, 11, 13, 14), 'text-max-width': 8, 'text-padding': 3 },
      paint: halo(1.4),
    },
    {
      id: LAYERS.labelsPartnerships, ...labels, filter: partnershipLabelFilter([]), minzoom: 6,
      layout: {
        'text-field': ['get', 'name'], 'text-font': [...LABEL_FONT.bold], 'text-size': zoomed(6, 10.5, 10, 14),
        'text-max-width': 12, 'text-padding': 6, 'text-line-height': 1.05,
        // Beside its point rather than on it: an area's point is often its core city, whose own name stays readable.
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': 0.9, 'text-justify': 'auto',
      },
      paint: { ...halo(2), 'text-color': '#000000' },
    },
  ];
  return LABEL_LAYERS.map((id) => layers.find((l) => l.id === id)!);
}

/** TileJSON URL of one tile layer, absolute, resolved against the page (so /embed works too); `time`: `?asOf=…&period=…` or "" (today); a pinned page's version added. */
export function tileJsonUrl(layer: string, base: string, time = ''): string {
  return withPin(new URL(`tiles/${layer}.json${time}`, new URL('/', base)).href);
}

/**
 * The vector sources. Hover is feature-state, keyed by the TERYT code (gminy) or the slug (areas)
 * rather than the tiles' numeric ids, so the map and the API speak of a unit by the same code.
 */
export function dataSources(base: string, time = ''): Record<string, VectorSourceSpecification> {
  const source = (layer: string, promoteId?: string): VectorSourceSpecification =>
    ({ type: 'vector', url: tileJsonUrl(layer, base, time), ...(promoteId ? { promoteId } : {}) });
  return {
    [SOURCES.gminy]: source(SOURCES.gminy, 'teryt'),
    [SOURCES.powiaty]: source(SOURCES.powiaty),
    [SOURCES.wojewodztwa]: source(SOURCES.wojewodztwa),
    [SOURCES.areas]: source(SOURCES.areas, 'slug'),
    [SOURCES.labels]: source(SOURCES.labels),
  };
}

export function offlineStyle(base: string, time = ''): StyleSpecification {
  return {
    version: 8,
    name: 'Atlas Partnerstw (offline)',
    sources: dataSources(base, time),
    'font-faces': labelFontFaces(base),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }, ...dataLayers(), ...labelLayers()],
  };
}

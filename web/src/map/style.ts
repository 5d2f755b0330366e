/**
 * The self-contained map style: no basemap, no glyphs, no sprites; our vector tiles only. Every
 * source is a TileJSON URL on the page's own origin (docs/tiles.md), so /embed and a copy of the
 * atlas under another host draw from their own server.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { HATCH_IMAGE } from './hatch.js';
import { BACKGROUND, COUNTY_LINE, GMINA_LINE, NONE_FILL, SELECTION_LINE, VOIVODESHIP_LINE } from './palette.js';

/** Source ids; each is one tile layer of the same name (the contract names the MVT layer like its URL). */
export const SOURCES = { gminy: 'gminy', powiaty: 'powiaty', wojewodztwa: 'wojewodztwa', areas: 'areas' } as const;
export const LAYERS = {
  gminyFill: 'gminy-fill',
  gminyHatch: 'gminy-hatch',
  gminyLine: 'gminy-line',
  gminyHover: 'gminy-hover',
  gminySelected: 'gminy-selected',
  areaCasing: 'areas-casing',
  areaLine: 'areas-line',
  areaSelected: 'areas-selected',
} as const;

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
    { id: LAYERS.gminyHatch, type: 'fill', ...gminy, filter: ['boolean', false], paint: { 'fill-pattern': HATCH_IMAGE } },
    {
      id: LAYERS.gminyLine, type: 'line', ...gminy,
      paint: { 'line-color': GMINA_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.2, 9, 0.8, 12, 1.2] },
    },
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

/** TileJSON URL of one tile layer, absolute, resolved against the page (so /embed works too). */
export function tileJsonUrl(layer: string, base: string): string {
  return new URL(`tiles/${layer}.json`, new URL('/', base)).href;
}

/**
 * The vector sources. Hover is feature-state, keyed by the TERYT code (gminy) or the slug (areas)
 * rather than the tiles' numeric ids, so the map and the API speak of a unit by the same code.
 */
export function dataSources(base: string): Record<string, VectorSourceSpecification> {
  const source = (layer: string, promoteId?: string): VectorSourceSpecification =>
    ({ type: 'vector', url: tileJsonUrl(layer, base), ...(promoteId ? { promoteId } : {}) });
  return {
    [SOURCES.gminy]: source(SOURCES.gminy, 'teryt'),
    [SOURCES.powiaty]: source(SOURCES.powiaty),
    [SOURCES.wojewodztwa]: source(SOURCES.wojewodztwa),
    [SOURCES.areas]: source(SOURCES.areas, 'slug'),
  };
}

export function offlineStyle(base: string): StyleSpecification {
  return {
    version: 8,
    name: 'Atlas Partnerstw (offline)',
    sources: dataSources(base),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }, ...dataLayers()],
  };
}

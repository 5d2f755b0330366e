/** The self-contained map style: no basemap, no glyphs, no sprites; our GeoJSON sources only. */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { HATCH_IMAGE } from './hatch.js';
import { BACKGROUND, COUNTY_LINE, GMINA_LINE, SELECTION_LINE, VOIVODESHIP_LINE } from './palette.js';

const empty = { type: 'FeatureCollection' as const, features: [] };

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

/** Layers drawing our data; placed over an external basemap when one is configured. */
export function dataLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.gminyFill, type: 'fill', source: SOURCES.gminy,
      paint: {
        'fill-color': ['coalesce', ['get', 'fill'], '#e4e4e4'],
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0.82],
      },
    },
    { id: LAYERS.gminyHatch, type: 'fill', source: SOURCES.gminy, filter: ['>=', ['get', 'count'], 2], paint: { 'fill-pattern': HATCH_IMAGE } },
    {
      id: LAYERS.gminyLine, type: 'line', source: SOURCES.gminy,
      paint: { 'line-color': GMINA_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.2, 9, 0.8, 12, 1.2] },
    },
    {
      id: 'powiaty-line', type: 'line', source: SOURCES.powiaty, minzoom: 6,
      paint: { 'line-color': COUNTY_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 10, 1.4] },
    },
    {
      id: 'wojewodztwa-line', type: 'line', source: SOURCES.wojewodztwa,
      paint: { 'line-color': VOIVODESHIP_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.5] },
    },
    {
      id: LAYERS.areaCasing, type: 'line', source: SOURCES.areas,
      paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 5], 'line-opacity': 0.9 },
    },
    {
      id: LAYERS.areaLine, type: 'line', source: SOURCES.areas,
      paint: { 'line-color': ['get', 'colour'], 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.2, 10, 2.5] },
    },
    {
      id: LAYERS.gminyHover, type: 'line', source: SOURCES.gminy,
      paint: { 'line-color': SELECTION_LINE, 'line-width': 2, 'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0] },
    },
    {
      id: LAYERS.areaSelected, type: 'line', source: SOURCES.areas, filter: ['==', ['get', 'slug'], ''],
      paint: { 'line-color': SELECTION_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2.5, 10, 4.5], 'line-dasharray': [3, 1] },
    },
    {
      id: LAYERS.gminySelected, type: 'line', source: SOURCES.gminy, filter: ['==', ['get', 'teryt'], ''],
      paint: { 'line-color': SELECTION_LINE, 'line-width': 3.5 },
    },
  ];
}

export function dataSources(): StyleSpecification['sources'] {
  return {
    [SOURCES.gminy]: { type: 'geojson', data: empty, promoteId: 'teryt', attribution: '' },
    [SOURCES.powiaty]: { type: 'geojson', data: empty },
    [SOURCES.wojewodztwa]: { type: 'geojson', data: empty },
    [SOURCES.areas]: { type: 'geojson', data: empty, promoteId: 'slug' },
  };
}

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Atlas Partnerstw (offline)',
    sources: dataSources(),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }, ...dataLayers()],
  };
}

import { ATTRIBUTION_LINE, DATA_LICENCE } from '../shared/data-licence.js';
import { TILE_LAYERS, TILE_MAX_ZOOM, type TileLayerName } from './tile-layers.js';

/** [west, south, east, north] in degrees (lng,lat). */
export type Bounds = [number, number, number, number];

/** TileJSON's default when the atlas has no boundaries yet: the whole Web Mercator world. */
export const WORLD_BOUNDS: Bounds = [-180, -85.051129, 180, 85.051129];

/**
 * The URL template of a layer's tiles, versioned with the dataset version's token; `time`: the time parameters, `&asOf=…` or "" (today);
 * `pinned`: the version a pinned TileJSON pins its tiles to.
 */
export const tileUrlTemplate = (origin: string, layer: TileLayerName, tag: string, time = '', pinned?: number) =>
  `${origin}/tiles/${layer}/{z}/{x}/{y}.mvt?v=${encodeURIComponent(tag)}${time}${pinned === undefined ? '' : `&version=${pinned}`}`;

/**
 * TileJSON 3.0.0 of one layer; `bounds`: the data's extent (TileService.bounds); `origin` is the server's as the client reached it
 * (`http://host:port`); `time`: the TileJSON URL's own time parameters, carried into the tile URLs; `pinned`: the version a pinned TileJSON pins its tiles to.
 */
export function tileJson(layer: TileLayerName, origin: string, tag: string, bounds: Bounds, time = '', pinned?: number) {
  const info = TILE_LAYERS[layer];
  return {
    tilejson: '3.0.0',
    name: `Atlas Partnerstw: ${layer}`,
    description: info.description,
    version: '1.0.0',
    attribution: `${ATTRIBUTION_LINE}. Licence: ${DATA_LICENCE.name} ${DATA_LICENCE.url}`,
    scheme: 'xyz',
    tiles: [tileUrlTemplate(origin, layer, tag, time, pinned)],
    minzoom: 0,
    maxzoom: TILE_MAX_ZOOM,
    bounds,
    // The middle of the bounds, at a zoom that shows the whole of Poland.
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 5],
    vector_layers: [
      {
        id: layer,
        description: info.description,
        // TileJSON's fields map a name to a description; the type names ("String", "Number") are
        // what GDAL's MVT driver and Mapbox read to type the attributes. docs/tiles.md describes each.
        fields: Object.fromEntries(Object.entries(info.fields).map(([name, field]) => [name, field.type])),
        minzoom: info.minzoom,
        maxzoom: TILE_MAX_ZOOM,
      },
    ],
  };
}

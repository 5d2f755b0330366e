import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT, { type LegacyFeature } from 'geojson-vt';
import { simplifyCoverage } from './coverage-simplify.js';
import { FULL_DETAIL_ZOOM, LABEL_MIN_ZOOM, TILE_BUFFER, TILE_EXTENT, TILE_MAX_ZOOM, type LabelKind, type TileLayerName } from './tile-layers.js';

/**
 * Simplification tolerance below FULL_DETAIL_ZOOM, in tile units (of 4096): 3 units are under half
 * a pixel of a 512-pixel tile, so neighbours simplified apart (geojson-vt simplifies each feature on
 * its own, Douglas–Peucker in tile space) can never show a visible gap or overlap.
 */
export const COARSE_TOLERANCE = 3;

/**
 * Below this zoom, polygons are first simplified edge to edge (coverage-simplify.ts) at EDGE_TOLERANCE
 * of their band's zoom: one index per zoom (z0–5 share the z5 one). At the map's first view (all of
 * Poland, zoom 5) that halves the gminy tile's vertices with neighbours still meeting exactly.
 */
export const EDGE_SIMPLIFIED_BELOW = 8;
/** Edge-to-edge tolerance, tile units (of 4096) at the band's zoom: 8 units are one pixel of a 512-pixel tile. */
export const EDGE_TOLERANCE = 8;
/** The lowest band: zooms up to this one share its index. */
const LOWEST_BAND = 5;

/**
 * geojson-vt keeps every tile it has cut (and the parents it cut them from); past this many the index
 * is dropped and cut again from the layer's features, so its memory stays bounded. A tile costs about
 * its own size, and the encoded tiles a client asks for twice come from the TileCache anyway.
 */
export const MAX_INDEXED_TILES = 20_000;

/** What the indexes are made from: the layer's features, read once per dataset version. */
export type LayerSource = () => Promise<FeatureCollection>;

/**
 * The index a tile of zoom z is cut from, for a polygon layer: 'fine' (every vertex) from FULL_DETAIL_ZOOM,
 * 'coarse' (geojson-vt's per-feature simplification) from EDGE_SIMPLIFIED_BELOW, else the zoom of its
 * edge-to-edge band.
 */
export function bandOf(z: number): 'fine' | 'coarse' | number {
  if (z >= FULL_DETAIL_ZOOM) return 'fine';
  return z >= EDGE_SIMPLIFIED_BELOW ? 'coarse' : Math.max(z, LOWEST_BAND);
}

/**
 * One layer's features cut into tiles in memory: PostGIS reads the features once (tile-source.ts),
 * geojson-vt projects them to Web Mercator, simplifies per zoom and clips with the buffer, and
 * vt-pbf encodes the tile. Both backends feed it the same GeoJSON, so their tiles are the same.
 * Polygons have an index per band (bandOf): exact (tolerance 0) from FULL_DETAIL_ZOOM, simplified below
 * it, and below EDGE_SIMPLIFIED_BELOW cut from boundaries simplified edge to edge; each made on first use.
 */
export class LayerTiles {
  private readonly indexes = new Map<string | number, GeoJSONVT>();

  constructor(
    readonly layer: TileLayerName,
    private readonly features: FeatureCollection,
  ) {}

  /** The encoded tile (MVT 2.1, one layer named like this one), or null when it holds no feature. */
  encode(z: number, x: number, y: number): Buffer | null {
    const tile = this.index(z).getTile(z, x, y);
    const features = this.layer === 'labels' ? tile?.features.filter((f) => labelShown(f, z)) : tile?.features;
    if (!features?.length) return null;
    const bytes = fromGeojsonVt({ [this.layer]: { features } } as unknown as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: TILE_EXTENT });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Builds the index that tiles of zoom z are cut from, unless it is built already (for warming a layer up). */
  index(z: number): GeoJSONVT {
    const band = this.layer === 'labels' ? 'coarse' : bandOf(z);
    let index = this.indexes.get(band);
    if (!index || (index as unknown as { total: number }).total > MAX_INDEXED_TILES) {
      const features = typeof band === 'number' ? simplifyCoverage(this.features, EDGE_TOLERANCE / (TILE_EXTENT * 2 ** band)) : this.features;
      index = new GeoJSONVT(features, { maxZoom: TILE_MAX_ZOOM, extent: TILE_EXTENT, buffer: TILE_BUFFER, tolerance: band === 'coarse' ? COARSE_TOLERANCE : 0 });
      this.indexes.set(band, index);
    }
    return index;
  }
}

const labelShown = (feature: LegacyFeature, z: number) => z >= LABEL_MIN_ZOOM[(feature.tags?.kind as LabelKind | undefined) ?? 'gmina'];

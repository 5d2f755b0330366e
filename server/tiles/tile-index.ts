import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT, { type LegacyFeature } from 'geojson-vt';
import { FULL_DETAIL_ZOOM, LABEL_MIN_ZOOM, TILE_BUFFER, TILE_EXTENT, TILE_MAX_ZOOM, type LabelKind, type TileLayerName } from './tile-layers.js';

/**
 * Simplification tolerance below FULL_DETAIL_ZOOM, in tile units (of 4096): 3 units are under half
 * a pixel of a 512-pixel tile, so neighbours simplified apart (geojson-vt simplifies each feature on
 * its own, Douglas–Peucker in tile space) can never show a visible gap or overlap.
 */
export const COARSE_TOLERANCE = 3;

/**
 * geojson-vt keeps every tile it has cut (and the parents it cut them from); past this many the index
 * is dropped and cut again from the layer's features, so its memory stays bounded. A tile costs about
 * its own size, and the encoded tiles a client asks for twice come from the TileCache anyway.
 */
export const MAX_INDEXED_TILES = 20_000;

/** What the indexes are made from: the layer's features, read once per dataset version. */
export type LayerSource = () => Promise<FeatureCollection>;

/**
 * One layer's features cut into tiles in memory: PostGIS reads the features once (tile-source.ts),
 * geojson-vt projects them to Web Mercator, simplifies per zoom and clips with the buffer, and
 * vt-pbf encodes the tile. Both backends feed it the same GeoJSON, so their tiles are the same.
 * Polygons have two indexes: a simplified one below FULL_DETAIL_ZOOM and an exact one (tolerance 0)
 * from it on, each made on first use.
 */
export class LayerTiles {
  private coarse: GeoJSONVT | null = null;
  private fine: GeoJSONVT | null = null;

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

  private index(z: number): GeoJSONVT {
    const fine = z >= FULL_DETAIL_ZOOM && this.layer !== 'labels';
    let index = fine ? this.fine : this.coarse;
    if (!index || (index as unknown as { total: number }).total > MAX_INDEXED_TILES) {
      index = new GeoJSONVT(this.features, { maxZoom: TILE_MAX_ZOOM, extent: TILE_EXTENT, buffer: TILE_BUFFER, tolerance: fine ? 0 : COARSE_TOLERANCE });
      if (fine) this.fine = index;
      else this.coarse = index;
    }
    return index;
  }
}

const labelShown = (feature: LegacyFeature, z: number) => z >= LABEL_MIN_ZOOM[(feature.tags?.kind as LabelKind | undefined) ?? 'gmina'];

import type { DatasetVersion } from '../dataset/dataset-version.js';
import type { Em } from '../db/orm.js';
import type { TileAddress } from '../input/tile-address.js';
import { TileCache, type TileBody } from './tile-cache.js';
import { LayerTiles } from './tile-index.js';
import type { TileLayerName } from './tile-layers.js';
import { readLayerFeatures } from './tile-source.js';
import { tileTimeKey, todayTile, type TileTime } from './tile-time.js';

/** Versions whose tiles are kept at once; a pinned map asks for one version at a time. */
const MAX_VERSIONS = 4;

interface PinnedVersion {
  cache: TileCache;
  /** By `<layer>|<time key>`: a pinned map may still ask for a past day or a programme's period. */
  layers: Map<string, Promise<LayerTiles>>;
}

/**
 * Tiles of pinned versions (`?version=<n>`, docs/versions.md): a version never changes, so each
 * layer is read once per version (in the request's pinned transaction) and its encoded tiles are
 * kept in a cache of their own, beside the current version's (TileService), which a pinned read
 * must neither fill nor empty. The least recently asked version goes first.
 */
export class PinnedTiles {
  private readonly versions = new Map<string, PinnedVersion>();

  constructor(private readonly maxBytesPerVersion: number) {}

  /** The encoded tile of `layer` at the pinned `version` in `time`, read through `em` (the pinned transaction) when not cached. */
  tile(em: Em, version: DatasetVersion, layer: TileLayerName, { z, x, y }: TileAddress, time: TileTime = todayTile()): Promise<TileBody> {
    const pinned = this.of(version);
    const key = `${layer}|${tileTimeKey(time)}`;
    return pinned.cache.get(version, `${layer}/${z}/${x}/${y}@${tileTimeKey(time)}`, async () => {
      let tiles = pinned.layers.get(key);
      if (!tiles) {
        tiles = readLayerFeatures(em, layer, time).then((features) => new LayerTiles(layer, features));
        pinned.layers.set(key, tiles);
        tiles.catch(() => pinned.layers.get(key) === tiles && pinned.layers.delete(key));
      }
      return (await tiles).encode(z, x, y);
    });
  }

  private of(version: DatasetVersion): PinnedVersion {
    let pinned = this.versions.get(version.tag);
    if (pinned) this.versions.delete(version.tag); // re-inserted: Map order is the LRU order
    pinned ??= { cache: new TileCache({ maxBytes: this.maxBytesPerVersion }), layers: new Map() };
    this.versions.set(version.tag, pinned);
    for (const tag of this.versions.keys()) {
      if (this.versions.size <= MAX_VERSIONS) break;
      this.versions.delete(tag);
    }
    return pinned;
  }
}

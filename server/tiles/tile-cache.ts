import type { DatasetVersion } from '../dataset/dataset-version.js';

/** Bounds of the tile cache. */
export interface TileCacheOptions {
  /** Most bytes the cached tiles may take together (0: cache nothing). */
  maxBytes: number;
}

/** 64 MB: every tile of Poland to zoom 9 in all five layers, with room to spare. */
export const DEFAULT_TILE_CACHE: TileCacheOptions = { maxBytes: 64 * 1024 * 1024 };

/** Counts since the cache was made, for /metrics and tests. */
export interface TileCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/** What a tile was: its bytes, or null for a tile with no features (answered 204). */
export type TileBody = Buffer | null;

/** Bytes an empty tile is counted as (its key and entry). */
const ENTRY_BYTES = 64;

/**
 * Encoded tiles of the current dataset version only, least recently used dropped first past
 * `maxBytes`. The version is given with every call (the route reads it anyway for the URL and
 * ETag): a newer one empties the cache, an older one (a request that read the version just before
 * a write) neither reads nor stores, so no tile older than the committed data is ever kept. Identical
 * misses at the same moment share one computation.
 */
export class TileCache {
  private readonly entries = new Map<string, TileBody>();
  private readonly pending = new Map<string, Promise<TileBody>>();
  private current: { epoch: string; version: number } | null = null;
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(readonly options: TileCacheOptions = DEFAULT_TILE_CACHE) {}

  get stats(): TileCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }

  /** The tile named `key` at `version`: cached, or made by `make` (and kept when `version` is the newest seen). */
  async get(version: DatasetVersion, key: string, make: () => Promise<TileBody>): Promise<TileBody> {
    const current = this.isCurrent(version);
    const id = `${version.tag}/${key}`;
    if (current && this.entries.has(id)) {
      this.hits++;
      const body = this.entries.get(id)!;
      this.entries.delete(id); // re-inserted: Map order is the LRU order
      this.entries.set(id, body);
      return body;
    }
    this.misses++;
    const running = this.pending.get(id);
    if (running) return running;
    const making = make();
    this.pending.set(id, making);
    try {
      const body = await making;
      if (this.isCurrent(version)) this.store(id, body);
      return body;
    } finally {
      this.pending.delete(id);
    }
  }

  /** True when `version` is the newest this cache has seen; a newer one than before empties it. */
  private isCurrent({ epoch, version }: DatasetVersion): boolean {
    if (this.current && this.current.epoch === epoch && this.current.version >= version) return this.current.version === version;
    this.current = { epoch, version };
    this.entries.clear();
    this.bytes = 0;
    return true;
  }

  private store(id: string, body: TileBody): void {
    const size = (body?.length ?? 0) + ENTRY_BYTES;
    if (size > this.options.maxBytes || this.entries.has(id)) return;
    this.entries.set(id, body);
    this.bytes += size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= (old?.length ?? 0) + ENTRY_BYTES;
    }
  }
}

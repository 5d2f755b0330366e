import type { Em } from '../db/orm.js';
import { readDatasetVersion } from './dataset-version.js';

/** Bounds of a ReadCache. */
export interface ReadCacheOptions {
  /** Most bytes the cached answers may take together, estimated as the length of their JSON (0: cache nothing). */
  maxBytes: number;
  /** Most answers kept at once. */
  maxEntries: number;
}

/** 64 MB: every boundary layer the map asks for, at a few resolutions, with room to spare. */
export const DEFAULT_READ_CACHE: ReadCacheOptions = { maxBytes: 64 * 1024 * 1024, maxEntries: 500 };

/** An answer and its estimated size in bytes (length of its JSON). */
export interface Sized<T> {
  value: T;
  bytes: number;
}

interface Entry {
  value: unknown;
  bytes: number;
  version: number;
  epoch: string;
  /** Computed in a read pinned to a version: kept until least recently used, never superseded. */
  pinned: boolean;
}

/** Counts since the cache was made, for /metrics and tests. */
export interface ReadCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/**
 * Answers of heavy reads kept under the dataset version they were computed at, so that a write
 * (which moves the version) makes every later read compute afresh: nothing is ever purged by hand,
 * and no answer older than the committed data can be served once the version is read.
 *
 * Keys are the dataset version (epoch and number) plus the read's name and its parsed, normalised
 * arguments. Least recently used answers go first when a bound is reached; answers of older versions
 * go as soon as an answer of a newer one is stored. Identical reads that miss at the same moment share one
 * computation. Cached values are shared between requests: callers must not mutate them.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<unknown>>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(readonly options: ReadCacheOptions = DEFAULT_READ_CACHE) {}

  get stats(): ReadCacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * The answer to the read named by `key` at the current dataset version: cached, or computed by
   * `compute` and kept. The version is read first (one primary-key lookup), so a computed answer is
   * at least as new as the version it is stored under.
   */
  async read<T>(em: Em, key: readonly (string | number | boolean | null)[], compute: () => Promise<Sized<T>>): Promise<T> {
    const { epoch, version, pinned } = await readDatasetVersion(em);
    const id = `${epoch}:${version}${pinned ? 'p' : ''}:${JSON.stringify(key)}`;
    const entry = this.entries.get(id);
    if (entry) {
      this.hits++;
      // Re-inserting moves it to the end: Map order is the LRU order.
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry.value as T;
    }
    this.misses++;
    const running = this.pending.get(id);
    if (running) return running as Promise<T>;
    const computing = compute().then((sized) => {
      this.store(id, { value: sized.value, bytes: sized.bytes, version, epoch, pinned: pinned === true });
      return sized.value;
    });
    this.pending.set(id, computing);
    try {
      return await computing;
    } finally {
      this.pending.delete(id);
    }
  }

  private store(id: string, entry: Entry): void {
    if (entry.bytes > this.options.maxBytes) return;
    for (const [other, old] of this.entries) {
      // A pinned version's answers never go stale: only the size bounds let them go.
      if (old.epoch !== entry.epoch || old.pinned || entry.pinned) continue;
      // Computed at a version already superseded here: no later read can ask for it.
      if (old.version > entry.version) return;
      if (old.version < entry.version) this.drop(other, old);
    }
    this.entries.set(id, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.options.maxBytes && this.entries.size <= this.options.maxEntries) break;
      this.drop(oldest, old);
    }
  }

  private drop(id: string, entry: Entry): void {
    this.entries.delete(id);
    this.bytes -= entry.bytes;
  }
}

/** A small value with its size, measured by serialising it (for answers of a few kilobytes). */
export const sizedAsJson = <T>(value: T): Sized<T> => ({ value, bytes: JSON.stringify(value).length });

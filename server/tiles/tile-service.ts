import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { readDatasetVersion, type DatasetVersion } from '../dataset/dataset-version.js';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import type { TileAddress } from '../input/tile-address.js';
import { requireExisting } from '../shared/exists.js';
import { PinnedTiles } from './pinned-tiles.js';
import { TileCache, type TileBody, type TileCacheOptions } from './tile-cache.js';
import { LayerTiles } from './tile-index.js';
import { TILE_LAYER_NAMES, type TileLayerName } from './tile-layers.js';
import { readLayerFeatures } from './tile-source.js';
import { tileTimeKey, todayTile, type TileTime } from './tile-time.js';
import { WORLD_BOUNDS, type Bounds } from './tilejson.js';

/** The zoom whose index warm() cuts: the map's first view, all of Poland, asks for tiles of zoom 4 or 5 (one band). */
const FIRST_VIEW_ZOOM = 5;

/** Reads of a layer before one is used even though a write came in between (writes are rare; a busy import must not starve the map). */
const MAX_READS = 3;

/** Layer builds kept for times other than today (a past day, a programme's period); the oldest goes first. Each holds a layer's features. */
export const MAX_OTHER_TIME_BUILDS = 10;

interface Built {
  tag: string;
  tiles: Promise<LayerTiles>;
}

/** Key of a layer's build in one time: `gminy|d:2015-06-01`. */
const buildKey = (layer: TileLayerName, time: TileTime) => `${layer}|${tileTimeKey(time)}`;

/**
 * Vector tiles of the atlas, the same on both backends (see LayerTiles): encoded tiles are kept in
 * a TileCache per dataset version, and each layer's features are read once per version, so a write
 * (which moves the version) makes every later tile come from the data as it now is.
 */
export class TileService {
  readonly cache: TileCache;
  /** Tiles of versions pinned by `?version=` (docs/versions.md), apart from the current version's. */
  readonly pinned: PinnedTiles;
  private readonly built = new Map<string, Built>();
  private warming: Promise<void> | null = null;
  private stopped = false;

  /** `em` gives a fresh EntityManager for each read. */
  constructor(
    private readonly em: () => Em,
    cache?: TileCacheOptions,
  ) {
    this.cache = new TileCache(cache);
    this.pinned = new PinnedTiles(Math.floor(this.cache.options.maxBytes / 8));
  }

  /**
   * The extent of the boundaries, [west, south, east, north] in degrees; the whole world while there are none.
   * `em`: the request's own (a pinned read's transaction, which on the embedded database any other would wait for).
   */
  async bounds(em: Em = this.em()): Promise<Bounds> {
    const [row] = await query<{ w: number | null; s: number; e: number; n: number }>(
      em,
      `select ST_XMin(b) as w, ST_YMin(b) as s, ST_XMax(b) as e, ST_YMax(b) as n from (select ST_Extent(boundary) as b from jst where level = 'VOIVODESHIP') t`,
    );
    if (row?.w == null) return WORLD_BOUNDS;
    // Rounded outward to 1e-4° (about 10 m), so the bounds still hold every boundary.
    const [down, up] = [(v: number) => Math.floor(Number(v) * 1e4) / 1e4, (v: number) => Math.ceil(Number(v) * 1e4) / 1e4];
    return [down(row.w), down(row.s), up(row.e), up(row.n)];
  }

  /**
   * Reads every layer and cuts the index of the map's first view, one layer at a time with a turn of the
   * event loop after each step, so that requests are served meanwhile (a layer's index takes a few hundred
   * milliseconds of CPU). Without it the first visitor after a start waits for all of that. Never rejects.
   */
  warm(): Promise<void> {
    this.warming ??= (async () => {
      for (const layer of TILE_LAYER_NAMES) {
        if (this.stopped) return;
        const tiles = await this.layerTiles(await this.version(), layer, todayTile());
        await yieldToEventLoop();
        if (this.stopped) return;
        tiles.index(FIRST_VIEW_ZOOM);
        await yieldToEventLoop();
      }
    })().catch(() => undefined);
    return this.warming;
  }

  /** Stops warming up and waits for the step in progress (before the database closes). */
  async stopWarming(): Promise<void> {
    this.stopped = true;
    await this.warming;
  }

  /** Layers whose features of today are read (or being read) at the current build, for tests and warm-up checks. */
  get builtLayers(): TileLayerName[] {
    const key = tileTimeKey(todayTile());
    return [...this.built.keys()].filter((k) => k.endsWith(`|${key}`)).map((k) => k.split('|')[0] as TileLayerName);
  }

  /** NOT_FOUND unless a programme has this code (a tile of its period is asked for). */
  requireProgramme(code: string): Promise<void> {
    return requireExisting(this.em(), 'programme', code, 'period');
  }

  /** The current dataset version (one primary-key lookup). */
  version(): Promise<DatasetVersion> {
    return readDatasetVersion(this.em());
  }

  /** The encoded tile of `layer` at `version` (read just before) in `time` (today by default), or null when it holds no feature. */
  tile(version: DatasetVersion, layer: TileLayerName, { z, x, y }: TileAddress, time: TileTime = todayTile()): Promise<TileBody> {
    return this.cache.get(version, `${layer}/${z}/${x}/${y}@${tileTimeKey(time)}`, async () => (await this.layerTiles(version, layer, time)).encode(z, x, y));
  }

  /** The layer's tiles at `version` or newer in `time`: built once per version and time, shared by the requests that wait for it. */
  private layerTiles(version: DatasetVersion, layer: TileLayerName, time: TileTime): Promise<LayerTiles> {
    const key = buildKey(layer, time);
    const built = this.built.get(key);
    if (built?.tag === version.tag) return built.tiles;
    const tiles = this.build(key, layer, time, version);
    this.built.delete(key); // re-inserted last: Map order is the order the oldest go in
    this.built.set(key, { tag: version.tag, tiles });
    this.forgetOldTimes();
    // A failed read is not kept: the next request tries again.
    tiles.catch(() => this.built.get(key)?.tiles === tiles && this.built.delete(key));
    return tiles;
  }

  /** Drops the oldest builds of times other than today past MAX_OTHER_TIME_BUILDS. */
  private forgetOldTimes(): void {
    const todayKey = `|${tileTimeKey(todayTile())}`;
    const others = [...this.built.keys()].filter((k) => !k.endsWith(todayKey));
    for (const key of others.slice(0, Math.max(0, others.length - MAX_OTHER_TIME_BUILDS))) this.built.delete(key);
  }

  /**
   * Reads the layer (several statements) between two reads of the version, again when a write
   * committed in between (the reads could mix two states). Kept under the version asked for only
   * when that is what was read: otherwise it is newer, right for this request but not for later ones.
   */
  private async build(key: string, layer: TileLayerName, time: TileTime, version: DatasetVersion): Promise<LayerTiles> {
    const em = this.em();
    for (let attempt = 1; ; attempt++) {
      const before = await readDatasetVersion(em);
      const features = await readLayerFeatures(em, layer, time);
      const after = await readDatasetVersion(em);
      if (before.tag !== after.tag && attempt < MAX_READS) continue;
      if (after.tag !== version.tag && this.built.get(key)?.tag === version.tag) this.built.delete(key);
      return new LayerTiles(layer, features);
    }
  }
}

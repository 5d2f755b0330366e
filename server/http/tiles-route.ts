import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DatasetVersion } from '../dataset/dataset-version.js';
import { parseTileAddress, parseTileTime, parseTileVersion, type TileTimeQuery } from '../input/tile-address.js';
import { InputError } from '../shared/errors.js';
import type { TileService } from '../tiles/tile-service.js';
import { isTileLayerName, TILE_LAYER_NAMES, TILE_MAX_ZOOM, type TileLayerName } from '../tiles/tile-layers.js';
import { compressedTile, COMPRESS_FROM_BYTES, preferredCoding } from '../tiles/tile-encoding.js';
import { tileJson } from '../tiles/tilejson.js';
import { todayTile, type TileTime } from '../tiles/tile-time.js';
import { today } from '../time/as-of.js';
import { datasetEtag, DEFAULT_MAX_AGE_SECONDS, DEFAULT_STALE_WHILE_REVALIDATE_SECONDS, IMMUTABLE, matchesIfNoneMatch } from './http-cache.js';
import { HttpError } from './http-error.js';
import { originOf } from './origin.js';
import { addVary } from './vary.js';
import { pinnedReadOf, VERSION_PARAM } from './version-pin.js';

export interface TilesRouteOptions {
  tiles: TileService;
  /** Reverse proxies of our own in front of the server: with one or more, X-Forwarded-Proto and -Host name the origin of TileJSON's URLs. */
  trustedProxies: number;
}

export const MVT_MEDIA_TYPE = 'application/vnd.mapbox-vector-tile';
const SHORT = `public, max-age=${DEFAULT_MAX_AGE_SECONDS}, stale-while-revalidate=${DEFAULT_STALE_WHILE_REVALIDATE_SECONDS}`;

/** The tiles and TileJSON are the map's own reads: never counted by the rate limit, readable from any origin (embeds, QGIS). */
const CONFIG = { rateLimit: false, cors: true } as const;

function layerOf(name: string): TileLayerName {
  if (isTileLayerName(name)) return name;
  throw new HttpError(404, 'NOT_FOUND', `no tile layer "${name}" (layers: ${TILE_LAYER_NAMES.join(', ')})`);
}

const TILE_PARAMETERS = ['v', VERSION_PARAM, 'asOf', 'period', 'phase'];

/**
 * The parameters of a tile or TileJSON URL; any other is refused rather than ignored (a typo would otherwise defeat the cache).
 * `version` (a pin) is parsed by the version-pin plugin.
 */
function tileParams(request: FastifyRequest): { version: string | null; time: TileTimeQuery } {
  const query = request.query as Record<string, unknown>;
  for (const name of Object.keys(query)) {
    if (!TILE_PARAMETERS.includes(name)) {
      throw new InputError(name, 'is not a parameter of a tile (known: v, the dataset version token of the URL template; version, a pinned version; asOf=YYYY-MM-DD; period=<programme code>, phase=<phase code>)', 'UNKNOWN_KEY');
    }
  }
  return { version: parseTileVersion(query.v), time: parseTileTime(query) };
}

/** The time a tile describes (today when the URL names none); a programme named in `period` must exist (NOT_FOUND otherwise). */
async function tileTime(tiles: TileService, { asOf, period }: TileTimeQuery): Promise<TileTime> {
  if (period !== null) await tiles.requireProgramme(period.programme);
  return asOf === null && period === null ? todayTile() : { day: asOf, period };
}

/** True when the URL names no time (today's state). */
const namesNoTime = (time: TileTimeQuery) => time.asOf === null && time.period === null;

/**
 * The time parameters as they go on into TileJSON's tile URLs (`&asOf=…`, `&period=…&phase=…`). Without
 * any, today's date: a tile URL that names its day never changes at one dataset version (immutable),
 * and TileJSON itself is read again within DEFAULT_MAX_AGE_SECONDS, so tomorrow's map asks for tomorrow.
 */
function timeSearch(time: TileTimeQuery): string {
  if (namesNoTime(time)) return `&asOf=${today()}`;
  const params: Record<string, string> = {
    ...(time.asOf === null ? {} : { asOf: time.asOf }),
    ...(time.period === null ? {} : { period: time.period.programme, ...(time.period.phase === null ? {} : { phase: time.period.phase }) }),
  };
  return `&${new URLSearchParams(params).toString()}`;
}

/** Seconds to the next midnight UTC: a tile of today (no time in its URL) may change then. */
const secondsToMidnight = (now = new Date()) => Math.max(1, Math.ceil((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000));

/** Sets ETag and Cache-Control; true when If-None-Match names the ETag (then the caller answers 304). */
function revalidate(request: FastifyRequest, reply: FastifyReply, version: DatasetVersion, cacheControl: string): boolean {
  const etag = datasetEtag(version, request);
  reply.header('etag', etag).header('cache-control', cacheControl);
  return matchesIfNoneMatch(request.headers['if-none-match'], etag);
}

/**
 * `GET /tiles/{layer}.json` (TileJSON 3.0.0) and `GET /tiles/{layer}/{z}/{x}/{y}.mvt` (Mapbox Vector
 * Tile 2.1): the contract is docs/tiles.md. HEAD answers like GET without the body.
 */
export async function tilesRoute(app: FastifyInstance, options: TilesRouteOptions): Promise<void> {
  const { tiles } = options;

  app.get('/tiles/:file', { config: CONFIG }, async (request, reply) => {
    const { file } = request.params as { file: string };
    if (!file.endsWith('.json')) throw new HttpError(404, 'NOT_FOUND', `no route ${request.url.split('?')[0]}: TileJSON is /tiles/{layer}.json`);
    const layer = layerOf(file.slice(0, -'.json'.length));
    const { time } = tileParams(request);
    await tileTime(tiles, time);
    const pin = pinnedReadOf(request.raw);
    const version = pin?.version ?? (await tiles.version());
    if (revalidate(request, reply, version, pin ? IMMUTABLE : SHORT)) return reply.code(304).send();
    const body = tileJson(layer, originOf(request, options.trustedProxies), version.tag, await tiles.bounds(pin?.em), timeSearch(time), pin?.version.version);
    return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  });

  app.get('/tiles/:layer/:z/:x/:file', { config: CONFIG }, async (request, reply) => {
    const params = request.params as { layer: string; z: string; x: string; file: string };
    const layer = layerOf(params.layer);
    if (!params.file.endsWith('.mvt')) throw new HttpError(404, 'NOT_FOUND', `no route ${request.url.split('?')[0]}: tiles are /tiles/{layer}/{z}/{x}/{y}.mvt`);
    const address = parseTileAddress({ z: params.z, x: params.x, y: params.file.slice(0, -'.mvt'.length) }, TILE_MAX_ZOOM);
    const asked = tileParams(request);
    const time = await tileTime(tiles, asked.time);
    const pin = pinnedReadOf(request.raw);
    const version = pin?.version ?? (await tiles.version());
    // A pinned tile, or one of a named day or period at the current version, never changes; one of today (no time in the URL) may at midnight.
    const lasting = pin ? IMMUTABLE : asked.version !== version.tag ? SHORT : namesNoTime(asked.time) ? `public, max-age=${secondsToMidnight()}` : IMMUTABLE;
    if (revalidate(request, reply, version, lasting)) return reply.code(304).send();
    const body = pin ? await tiles.pinned.tile(pin.em, version, layer, address, time) : await tiles.tile(version, layer, address, time);
    if (!body) return reply.code(204).send();
    reply.header('content-type', MVT_MEDIA_TYPE);
    // Compressed here rather than by the compression plugin, once per cached tile instead of once per answer.
    const coding = body.length >= COMPRESS_FROM_BYTES ? preferredCoding(request.headers['accept-encoding']) : null;
    addVary(reply, 'Accept-Encoding');
    if (!coding) return reply.send(body);
    return reply.header('content-encoding', coding).send(compressedTile(body, coding));
  });
}

import { createHash } from 'node:crypto';
import { today } from '../time/as-of.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DatasetVersion } from '../dataset/dataset-version.js';
import { parseVersionNumber } from '../input/version.js';
import { addVary } from './vary.js';

export interface HttpCacheOptions {
  /** The current dataset version (one primary-key lookup), read before a cacheable request runs. */
  readVersion: () => Promise<DatasetVersion>;
  /** How long a browser or proxy may reuse an answer without asking, in seconds (default 30). */
  maxAgeSeconds?: number;
  /** How long after that it may still show the old answer while it revalidates in the background, in seconds (default 300). */
  staleWhileRevalidateSeconds?: number;
}

/** An answer that can never change (a tile URL carrying its version, a read pinned to a version): a year, no revalidation on reload. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Default freshness: short, because an edit should reach the map within a minute. */
export const DEFAULT_MAX_AGE_SECONDS = 30;
export const DEFAULT_STALE_WHILE_REVALIDATE_SECONDS = 300;

declare module 'fastify' {
  interface FastifyRequest {
    /** The ETag of a cacheable read, set before it runs. */
    datasetEtag?: string;
    /** The cacheable read is pinned to a version (`?version=`): its answer is immutable. */
    datasetPinned?: boolean;
  }
}

/**
 * Which requests are cacheable reads: GET (and HEAD) without a token of a GraphQL operation (a
 * query string with `query`, or a persisted query's `extensions`), of an export or of the OGC API. A GraphQL
 * mutation is never sent by GET (the server refuses it), POST is never cached, and a request
 * with an Authorization header stays `no-store`: its answer could one day depend on the caller.
 */
export function isCacheableRead(request: Pick<FastifyRequest, 'method' | 'url' | 'headers'>): boolean {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.headers.authorization !== undefined) return false;
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname.startsWith('/export/') || url.pathname === '/ogc' || url.pathname.startsWith('/ogc/')) return true;
  return url.pathname === '/graphql' && (url.searchParams.has('query') || url.searchParams.has('extensions'));
}

/**
 * `W/"<epoch>.<version>-<hash>"`: the dataset version and a hash of what was asked (path, query
 * string, the Accept header that picks the answer's media type) and of today's date (UTC): a read
 * without `asOf` describes today, so tomorrow the same URL is another answer. Weak, because the same
 * answer may be sent compressed in different ways.
 */
export function datasetEtag(version: DatasetVersion, request: Pick<FastifyRequest, 'url' | 'headers'>): string {
  const hash = createHash('sha256').update(`${request.url}\n${request.headers.accept ?? ''}\n${today()}`).digest('base64url').slice(0, 16);
  return `W/"${version.tag}-${hash}"`;
}

/** True when an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for If-None-Match) or is `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * ETag and Cache-Control from the dataset version for anonymous GET reads (GraphQL queries by
 * GET, persisted queries, exports): `public, max-age, stale-while-revalidate` on their 200s
 * without GraphQL errors; a
 * matching If-None-Match answers 304 before the operation runs, at the cost of reading the
 * version. Everything else leaves with `no-store` unless its route set a Cache-Control of its own.
 */
export const httpCachePlugin = fp(
  async (app: FastifyInstance, options: HttpCacheOptions): Promise<void> => {
    const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
    const swr = options.staleWhileRevalidateSeconds ?? DEFAULT_STALE_WHILE_REVALIDATE_SECONDS;
    const cacheControl = `public, max-age=${maxAge}, stale-while-revalidate=${swr}`;
    const vary = (reply: FastifyReply) => addVary(reply, 'Accept', 'Authorization');

    // Callback style: only a cacheable read waits for a promise (reading the version).
    app.addHook('onRequest', (request, reply, done) => {
      if (!isCacheableRead(request)) return done();
      options.readVersion().then((current) => {
        const pinned = urlPin(request.url);
        // A pinned read is named by the version it pins, not by the current one: its ETag never changes.
        const version = pinned === undefined ? current : { ...current, version: pinned, tag: `${current.epoch.slice(0, 8)}.${pinned}`, pinned: true };
        const etag = datasetEtag(version, request);
        request.datasetEtag = etag;
        request.datasetPinned = pinned !== undefined;
        if (!matchesIfNoneMatch(request.headers['if-none-match'], etag)) return done();
        vary(reply);
        reply.code(304).header('etag', etag).header('cache-control', pinned === undefined ? cacheControl : IMMUTABLE).send(); // answered here: the route does not run
      }, done);
    });

    app.addHook('onSend', (request, reply, payload, done) => {
      if (reply.statusCode === 304) return done(null, payload);
      if (request.datasetEtag && reply.statusCode === 200 && !carriesGraphqlErrors(payload)) {
        vary(reply);
        // An export sets a strong ETag of its bytes (server/http/representation.ts), which Range and
        // If-Range need; it stays, and revalidates there. GraphQL reads get the version's tag.
        if (!reply.hasHeader('etag')) reply.header('etag', request.datasetEtag);
        reply.header('cache-control', request.datasetPinned ? IMMUTABLE : cacheControl);
      } else if (request.datasetEtag || !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
      done(null, payload);
    });
  },
  { name: 'atlas-http-cache' },
);

/** The `version` a URL pins, or undefined (also when malformed: the version-pin plugin refuses it with its error). */
function urlPin(url: string): number | undefined {
  try {
    return parseVersionNumber('version', new URL(url, 'http://localhost').searchParams.get('version'));
  } catch {
    return undefined;
  }
}

/**
 * Makes a request that was a cacheable read leave `no-store`, without an ETag: for a route that knows its
 * answer must not be kept when this plugin cannot see it (a GraphQL answer with errors sent as a stream).
 */
export function keepUncached(request: FastifyRequest): void {
  request.datasetEtag = undefined;
}

/**
 * True when a JSON answer has an `errors` key: a GraphQL answer with errors (a persisted query not
 * yet known, a field refused) is not worth keeping, and may be answered differently a moment later.
 * The key can only appear unescaped as a key; an alias named `errors` also matches, which only costs
 * that answer its caching.
 */
export function carriesGraphqlErrors(payload: unknown): boolean {
  const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('latin1') : '';
  return text.includes('"errors":');
}

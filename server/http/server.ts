import type { ApolloServer } from '@apollo/server';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Em } from '../db/orm.js';
import type { Context } from '../graphql/context.js';
import { clientAddress, clientIp } from './client-ip.js';
import { registerCompression } from './compression.js';
import { cors, type CorsOptions } from './cors.js';
import { errorHandling, sendErrorReply } from './error-handler.js';
import { graphiqlPage } from './graphiql-page.js';
import { graphqlRoute } from './graphql-route.js';
import { healthRoutes } from './health.js';
import { httpCachePlugin, type HttpCacheOptions } from './http-cache.js';
import { ogcRoutes } from '../ogc/ogc-routes.js';
import { metricsPlugin, type MetricsPluginOptions } from './metrics-plugin.js';
import { proxyWarningPlugin } from './proxy-warning.js';
import { DEFAULT_RATE_LIMIT, RateLimiter, rateLimit, type RateLimitOptions } from './rate-limit.js';
import { loggedPath, logRequest, requestLogging, stdoutLogger, type RequestLogger } from './request-log.js';
import { badUrl, pathCheck } from './request-path.js';
import { securityHeaders } from './security-headers.js';
import { tilesRoute } from './tiles-route.js';
import { versionPinPlugin } from './version-pin.js';
import { versionsRoute } from './versions-route.js';
import type { TileService } from '../tiles/tile-service.js';
import type { ReadCache } from '../dataset/read-cache.js';
import { drainOnClose } from './shutdown.js';
import { isAppFile, staticRoute, type StaticOptions } from './static-route.js';
import { appPages } from './app-pages.js';
import { oembedRoute } from './oembed-route.js';
import type { PartnershipName } from './view-meta.js';

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  /** Builds the GraphQL context of one request (forked EntityManager, caller identity). */
  context: (req: IncomingMessage) => Promise<Context>;
  /** Feature routes (exports, the import), each a Fastify plugin; the map app's static files take what they leave. */
  routes?: FastifyPluginAsync[];
  /** The root EntityManager; each request gets a fork. */
  em: Em;
  backend: 'pglite' | 'postgresql';
  /** Largest request body accepted, in bytes (routes that read their own body set their own). */
  maxBodyBytes: number;
  /** Largest GraphQL answer sent, in bytes (default DEFAULT_MAX_RESPONSE_BYTES); a larger one is refused with RESPONSE_TOO_LARGE. */
  maxResponseBytes?: number;
  web: StaticOptions;
  /**
   * Per-client limit for anonymous requests (all but `/health` and CORS preflights); requests
   * with `Authorization: Bearer …` skip it, and so do loopback clients without X-Forwarded-For unless
   * `exemptLoopback: false`. Default DEFAULT_RATE_LIMIT (120 a minute, bursts of 60); false: off.
   */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Reverse proxies of our own in front of the server, whose `X-Forwarded-For` is trusted (default 0). */
  trustedProxies?: number;
  /** Decides whether a request is authenticated (skips the anonymous rate limit). Default: it has a Bearer header. */
  isAuthenticated?: (req: IncomingMessage) => boolean | Promise<boolean>;
  /** One JSON line per request. Default: stdout, except under jest (NODE_ENV=test) or with REQUEST_LOG=off; false: off. */
  log?: RequestLogger | false;
  /** Leaves internals (database error messages) out of answers. Default: NODE_ENV=production. */
  production?: boolean;
  cors?: Partial<CorsOptions>;
  /** ETag and Cache-Control from the dataset version on anonymous GET reads (see http-cache.ts); absent: every answer no-store. */
  httpCache?: HttpCacheOptions;
  /** Request metrics and GET /metrics (see metrics-plugin.ts); absent: none. */
  metrics?: MetricsPluginOptions;
  /** Vector tiles and their TileJSON under /tiles/ (see tiles-route.ts); absent: none. */
  tiles?: TileService;
  /** Heavy reads kept per dataset version (the OGC API's pages asked with `datetime`); absent: none kept. */
  readCache?: ReadCache;
  /** Names a partnership by slug in link previews (Open Graph, oEmbed); absent: previews carry the atlas's name only. */
  partnershipName?: PartnershipName;
  /** Where operator warnings go (X-Forwarded-For while TRUSTED_PROXIES=0). Default: stderr. */
  warn?: (line: string) => void;
}

/**
 * 8 MB: above the largest answer the cost limit lets through (about 5 MB of geometry, see
 * server/graphql/limits/geometry-cost.ts), so it only catches estimates that fell short.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8_000_000;

const hasBearer = (req: IncomingMessage) => /^Bearer\s+\S/i.test(req.headers.authorization ?? '');

const defaultLog = () => (process.env.NODE_ENV === 'test' || process.env.REQUEST_LOG === 'off' ? undefined : stdoutLogger);

/**
 * The one HTTP server on Fastify: the GraphQL API, health, feature routes and the map app. Each
 * concern is a plugin of its own; hooks run in the order registered here (log first, so every
 * refusal is logged; CORS before the rate limit, so a 429 is readable cross-origin). Not yet listening.
 */
export async function createHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const log = options.log === false ? undefined : (options.log ?? defaultLog());
  const trustedProxies = options.trustedProxies ?? 0;
  const app = Fastify({
    bodyLimit: options.maxBodyBytes,
    // A request that arrives while the server drains is still answered (with Connection: close).
    return503OnClosing: false,
    // A path the router cannot decode gets the same 400 (and log line) as one our own check refuses;
    // no hook runs for it.
    frameworkErrors: (error, request, reply) => {
      if (log) request.record = logRequest(request.raw, reply.raw, loggedPath(request.url), clientIp(request.raw, { trustedProxies }), log);
      return sendErrorReply(error.code === 'FST_ERR_BAD_URL' ? badUrl() : error, request, reply);
    },
  });
  await app.register(drainOnClose);
  await app.register(clientAddress, { trustedProxies });
  if (log) await app.register(requestLogging, { log });
  await app.register(proxyWarningPlugin, { trustedProxies: options.trustedProxies ?? 0, log: options.warn ?? ((line) => console.warn(line)) });
  if (options.metrics) await app.register(metricsPlugin, options.metrics);
  await app.register(errorHandling);
  await app.register(securityHeaders);
  await app.register(pathCheck);
  await app.register(cors, { allowOrigin: '*', maxAgeSeconds: 600, ...options.cors });
  if (options.rateLimit !== false) {
    const limiter = new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit });
    // The map's own files are not counted (see isAppFile); its tiles are routes with `rateLimit: false`.
    const exempt = (request: FastifyRequest) => isAppFile(request.method, request.url);
    await app.register(rateLimit, { limiter, isAuthenticated: options.isAuthenticated ?? hasBearer, exempt });
  }
  await registerCompression(app, { thresholdBytes: 1024 });
  // After the rate limit, so a revalidation (answered 304 here, before any operation runs) is counted like any request.
  if (options.httpCache) await app.register(httpCachePlugin, options.httpCache);
  // Before every data route: a `version=<n>` request runs in its pinned read (docs/versions.md).
  await app.register(versionPinPlugin, { em: options.em });
  await app.register(versionsRoute, { em: options.em, trustedProxies });
  const production = options.production ?? process.env.NODE_ENV === 'production';
  await app.register(healthRoutes, { em: () => options.em.fork() as Em, backend: options.backend, startedAt: Date.now(), production });
  await app.register(graphiqlPage, options.web);
  await app.register(graphqlRoute, {
    apollo: options.apollo,
    context: options.context,
    maxBodyBytes: options.maxBodyBytes,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  });
  if (options.tiles) await app.register(tilesRoute, { tiles: options.tiles, trustedProxies });
  for (const route of options.routes ?? []) await app.register(route);
  await app.register(ogcRoutes, { em: options.em, trustedProxies, cache: options.readCache });
  const previews = { trustedProxies, partnershipName: options.partnershipName };
  await app.register(oembedRoute, previews);
  await app.register(appPages, { root: options.web.root, ...previews });
  await app.register(staticRoute, { ...options.web, preCompressed: true });
  return app;
}

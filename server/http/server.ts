import type { ApolloServer } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Em } from '../db/orm.js';
import type { Context } from '../graphql/context.js';
import { clientIp } from './client-ip.js';
import { applyCors, type CorsOptions } from './cors.js';
import { graphqlRoute } from './graphql-route.js';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE_TEXT } from '../db/unavailable.js';
import { errorBody, sendError } from './error-body.js';
import { healthRoute } from './health.js';
import { HttpError } from './read-body.js';
import { DEFAULT_RATE_LIMIT, isLoopback, RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { logRequest, stdoutLogger, type RequestLogger } from './request-log.js';
import { requestUrl } from './request-path.js';
import { baseSecurityHeaders } from './security-headers.js';
import { staticRoute, type StaticOptions } from './static-route.js';

/** A route of a feature (e.g. exports): answers and returns true, or returns false to pass. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  /** Builds the GraphQL context of one request (forked EntityManager, caller identity). */
  context: (req: IncomingMessage) => Promise<Context>;
  /** Feature routes tried before the map app's static files. */
  routes?: Route[];
  /** The root EntityManager; each request gets a fork. */
  em: Em;
  backend: 'pglite' | 'postgresql';
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
}

/**
 * 8 MB: above the largest answer the cost limit lets through (about 5 MB of geometry, see
 * server/graphql/limits/geometry-cost.ts), so it only catches estimates that fell short.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8_000_000;

const hasBearer = (req: IncomingMessage) => /^Bearer\s+\S/i.test(req.headers.authorization ?? '');


const unavailableBody = errorBody('SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE_TEXT, { retryAfterSeconds: RETRY_AFTER_SECONDS });

/** The one HTTP server: the GraphQL API, health, and the map app. Each concern is its own function. */
export function createHttpServer(options: HttpOptions): Server {
  const startedAt = Date.now();
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const log = options.log === false ? undefined : (options.log ?? (process.env.NODE_ENV === 'test' || process.env.REQUEST_LOG === 'off' ? undefined : stdoutLogger));
  const limiter = options.rateLimit === false ? undefined : new RateLimiter({ ...DEFAULT_RATE_LIMIT, ...options.rateLimit });
  const isAuthenticated = options.isAuthenticated ?? hasBearer;
  const cors: CorsOptions = { allowOrigin: '*', maxAgeSeconds: 600, ...options.cors };
  const trustedProxies = options.trustedProxies ?? 0;

  const server = createServer(async (req, res) => {
    // A malformed path is answered below with 400 like any refused request; the log keeps it as sent.
    let url: URL | HttpError;
    try {
      url = requestUrl(req.url);
    } catch (error) {
      url = error as HttpError;
    }
    const pathname = url instanceof URL ? url.pathname : (req.url ?? '/').split('?')[0]!;
    const ip = clientIp(req, { trustedProxies });
    const record = log ? logRequest(req, res, pathname, ip, log) : undefined;
    // While shutting down: answer, then close the connection instead of keeping it alive.
    if (!server.listening) res.shouldKeepAlive = false;
    res.once('finish', () => {
      if (!server.listening) setImmediate(() => server.closeIdleConnections());
    });
    baseSecurityHeaders(res, pathname);
    try {
      if (!(url instanceof URL)) throw url;
      if (await healthRoute(res, url, { em: () => options.em.fork() as Em, backend: options.backend, startedAt, production })) return;
      const isGraphql = url.pathname === '/graphql';
      if (isGraphql && applyCors(req, res, cors)) return;
      const exempt = limiter?.options.exemptLoopback && !req.headers['x-forwarded-for'] && isLoopback(ip);
      if (limiter && !exempt && req.method !== 'OPTIONS' && !(await isAuthenticated(req))) {
        const decision = limiter.take(ip);
        if (!decision.allowed) {
          const { perMinute, burst } = limiter.options;
          res.setHeader('Retry-After', String(decision.retryAfterSeconds));
          throw new HttpError(
            429,
            'RATE_LIMITED',
            `too many requests: anonymous clients may make ${perMinute} a minute (bursts of ${burst}); retry after ${decision.retryAfterSeconds} s, or send an API token`,
            { retryAfterSeconds: decision.retryAfterSeconds },
          );
        }
      }
      if (isGraphql) {
        await graphqlRoute(req, res, url, { apollo: options.apollo, maxBytes: options.maxBodyBytes, maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, context: () => options.context(req), record });
        return;
      }
      for (const route of options.routes ?? []) if (await route(req, res, url)) return;
      if (await staticRoute(req, res, url, options.web)) return;
      sendError(res, 404, errorBody('NOT_FOUND', `no route ${url.pathname}`));
    } catch (error) {
      if (error instanceof HttpError) {
        if (record) {
          record.error = error.code;
          if (typeof error.extensions.reason === 'string') record.reason = error.extensions.reason;
        }
        if (error.status === 413) res.shouldKeepAlive = false; // the rest of the body is not read
        return sendError(res, error.status, errorBody(error.code, error.message, error.extensions));
      }
      if (isDatabaseUnavailable(error)) {
        // An outage, not a bug: 503 tells clients and proxies to come back (export routes end up here).
        if (record) record.error = 'SERVICE_UNAVAILABLE';
        console.error(error);
        return sendError(res, 503, unavailableBody, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
      }
      if (record) record.error = 'INTERNAL_SERVER_ERROR';
      console.error(error);
      sendError(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Internal server error'));
    }
  });
  return server;
}

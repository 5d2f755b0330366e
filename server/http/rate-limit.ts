import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

export interface RateLimitOptions {
  /** Requests a client may make per minute, sustained. */
  perMinute: number;
  /** Requests a client may make at once after being idle (the bucket's size). */
  burst: number;
  /** Most clients tracked at once; past it the least recently seen are forgotten (memory stays bounded). */
  maxClients: number;
  /**
   * Leave requests from this machine (127.0.0.0/8, ::1) alone when they carry no X-Forwarded-For:
   * the operator's own scripts, benchmarks and tests. A reverse proxy on the same machine sends
   * X-Forwarded-For, so its traffic stays limited (set `trustedProxies` to limit each client).
   */
  exemptLoopback: boolean;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perMinute: 120, burst: 60, maxClients: 50_000, exemptLoopback: true };

export const isLoopback = (ip: string) => ip === '::1' || /^127\.\d+\.\d+\.\d+$/.test(ip);

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client: each request takes one token; tokens come back at `perMinute / 60`
 * a second up to `burst`. A bucket that has refilled completely is the same as no bucket, so
 * idle clients are dropped as they are met and in a sweep every so often; the map never holds more
 * than `maxClients` (least recently seen dropped first, Map order doubling as recency order).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly fullAfterMs: number;
  private lastSweep = 0;

  constructor(readonly options: RateLimitOptions) {
    if (!(options.perMinute > 0) || !(options.burst >= 1) || !(options.maxClients >= 1)) {
      throw new Error(`rate limit needs perMinute > 0, burst ≥ 1 and maxClients ≥ 1, got ${JSON.stringify(options)}`);
    }
    this.perMs = options.perMinute / 60_000;
    this.fullAfterMs = options.burst / this.perMs;
  }

  /** Takes one token for `key` at time `now` (ms). */
  take(key: string, now = Date.now()): RateDecision {
    this.sweep(now);
    const previous = this.buckets.get(key);
    const tokens = previous ? Math.min(this.options.burst, previous.tokens + (now - previous.at) * this.perMs) : this.options.burst;
    if (previous) this.buckets.delete(key); // re-inserted below: most recently seen last
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    while (this.buckets.size > this.options.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed: true };
  }

  /** Clients currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  /** Forgets every bucket that has refilled completely; at most once per refill period. */
  private sweep(now: number): void {
    if (now - this.lastSweep < Math.min(this.fullAfterMs, 60_000)) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.options.burst) this.buckets.delete(key);
    }
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: requests to this route are never counted (health checks). */
    rateLimit?: boolean;
  }
}

export interface RateLimitPluginOptions {
  limiter: RateLimiter;
  /** Whether a request is authenticated (skips the anonymous limit). */
  isAuthenticated: (req: IncomingMessage) => boolean | Promise<boolean>;
  /** Requests never counted besides routes with `rateLimit: false` (the map's tiles): the map's own static files. */
  exempt?: (request: FastifyRequest) => boolean;
}

/** Takes a token of `ip`'s bucket: undefined when there was one, the 429 RATE_LIMITED refusal when not. */
function refusal(limiter: RateLimiter, ip: string): HttpError | undefined {
  const decision = limiter.take(ip);
  if (decision.allowed) return undefined;
  const { perMinute, burst } = limiter.options;
  const seconds = decision.retryAfterSeconds;
  return new HttpError(
    429,
    'RATE_LIMITED',
    `too many requests: anonymous clients may make ${perMinute} a minute (bursts of ${burst}); retry after ${seconds} s, or send an API token`,
    { retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );
}

/**
 * The anonymous rate limit, as an onRequest hook on every route but those whose config says
 * `rateLimit: false`, and CORS preflights. A client past its bucket gets 429 RATE_LIMITED with
 * Retry-After (seconds).
 */
export const rateLimit = fp(
  async (app: FastifyInstance, { limiter, isAuthenticated, exempt }: RateLimitPluginOptions) => {
    app.addHook('onRequest', (request, _reply, done) => {
      if (request.routeOptions.config?.rateLimit === false || request.method === 'OPTIONS' || exempt?.(request)) return done();
      const ip = request.clientIp;
      if (limiter.options.exemptLoopback && !request.headers['x-forwarded-for'] && isLoopback(ip)) return done();
      // Callback style: only a request whose token is being checked waits for a promise.
      const authenticated = isAuthenticated(request.raw);
      if (typeof authenticated === 'boolean') return done(authenticated ? undefined : refusal(limiter, ip));
      authenticated.then((ok) => done(ok ? undefined : refusal(limiter, ip)), done);
    });
  },
  { name: 'atlas-rate-limit' },
);

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ReadCacheStats } from '../dataset/read-cache.js';
import type { PoolStats } from './pool-stats.js';

/** One finished HTTP request, as the metrics count it. */
export interface RequestObservation {
  /** GraphQL operation name (already bounded by OperationLabels), or the route of a non-GraphQL request, e.g. `GET /export`. */
  operation: string;
  /** HTTP status code sent. */
  status: number;
  /** Time from the request's arrival to the last byte of the answer, in seconds. */
  seconds: number;
}

export interface MetricsOptions {
  /** The database pool now (read at every scrape); omitted: no pool gauges. */
  pool?: () => Promise<PoolStats> | PoolStats;
  /** The read cache's counts now (read at every scrape); omitted: no cache metrics. */
  readCache?: () => ReadCacheStats;
  /** Node's process metrics (CPU, memory, event-loop lag, GC); default true. */
  processMetrics?: boolean;
}

/**
 * Latency buckets in seconds: from a cached read (a few ms) to the slowest answers the limits let
 * through (whole-country boundaries, seconds) and the 10 s heavy-gate wait.
 */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The server's Prometheus metrics, in a registry of their own (so several servers in one process,
 * as in the tests, never share counters): requests by operation and status, their latency, the
 * database pool, the read cache, and Node's process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'status'>;
  private readonly latency: Histogram<'operation'>;

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'atlas_http_requests_total', help: 'HTTP requests answered, by GraphQL operation name (or route) and status code', labelNames: ['operation', 'status'], registers });
    this.latency = new Histogram({ name: 'atlas_http_request_duration_seconds', help: 'Time to answer an HTTP request, seconds, by GraphQL operation name (or route)', labelNames: ['operation'], buckets: LATENCY_BUCKETS, registers });
    if (options.pool) poolGauges(this.registry, options.pool);
    if (options.readCache) readCacheMetrics(this.registry, options.readCache);
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  observe({ operation, status, seconds }: RequestObservation): void {
    this.requests.inc({ operation, status: String(status) });
    this.latency.observe({ operation }, seconds);
  }

  /** The Prometheus text exposition format, and its content type. */
  async text(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}

function poolGauges(registry: Registry, read: NonNullable<MetricsOptions['pool']>): void {
  new Gauge({
    name: 'atlas_db_pool_connections',
    help: 'Database connections by state: used (lent to a query or transaction), idle (open, free), max (the bound); pending: requests waiting for one',
    labelNames: ['backend', 'state'],
    registers: [registry],
    async collect() {
      const stats = await read();
      this.reset();
      for (const state of ['used', 'idle', 'pending', 'max'] as const) {
        const value = stats[state];
        if (value !== undefined) this.set({ backend: stats.backend, state }, value);
      }
    },
  });
}

function readCacheMetrics(registry: Registry, read: () => ReadCacheStats): void {
  const registers = [registry];
  new Gauge({ name: 'atlas_read_cache_entries', help: 'Answers held by the read cache', registers, collect() { this.set(read().entries); } });
  new Gauge({ name: 'atlas_read_cache_bytes', help: 'Estimated bytes held by the read cache', registers, collect() { this.set(read().bytes); } });
  // Counters mirror the cache's own counts: each scrape adds what happened since the last one.
  for (const kind of ['hits', 'misses'] as const) {
    let reported = 0;
    new Counter({
      name: `atlas_read_cache_${kind}_total`,
      help: `Reads the read cache ${kind === 'hits' ? 'answered' : 'had to compute'}`,
      registers,
      collect() {
        const now = read()[kind];
        if (now > reported) this.inc(now - reported);
        reported = now;
      },
    });
  }
}

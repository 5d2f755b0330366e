import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReadCache } from '../../server/dataset/read-cache.js';
import { query } from '../../server/db/sql.js';
import { Metrics } from '../../server/metrics/metrics.js';
import { OperationLabels } from '../../server/metrics/operation-label.js';
import { poolStatsOf } from '../../server/metrics/pool-stats.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';

/** The value of one sample line of the text format, e.g. `atlas_x{a="b"} 3`. */
const sample = (text: string, line: string) => {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

describe('the metrics registry', () => {
  it('counts requests by operation and status, with a latency histogram, in the Prometheus text format', async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.observe({ operation: 'MapBoundaries', status: 200, seconds: 0.004 });
    metrics.observe({ operation: 'MapBoundaries', status: 200, seconds: 0.3 });
    metrics.observe({ operation: 'MapBoundaries', status: 304, seconds: 0.002 });
    metrics.observe({ operation: 'GET /export', status: 400, seconds: 0.01 });
    const { body, contentType } = await metrics.text();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(body).toContain('# TYPE atlas_http_requests_total counter');
    expect(sample(body, 'atlas_http_requests_total{operation="MapBoundaries",status="200"}')).toBe(2);
    expect(sample(body, 'atlas_http_requests_total{operation="MapBoundaries",status="304"}')).toBe(1);
    expect(sample(body, 'atlas_http_requests_total{operation="GET /export",status="400"}')).toBe(1);
    expect(sample(body, 'atlas_http_request_duration_seconds_bucket{le="0.005",operation="MapBoundaries"}')).toBe(2);
    expect(sample(body, 'atlas_http_request_duration_seconds_bucket{le="0.5",operation="MapBoundaries"}')).toBe(3);
    expect(sample(body, 'atlas_http_request_duration_seconds_count{operation="MapBoundaries"}')).toBe(3);
    expect(body).not.toContain('process_cpu_user_seconds_total');
  });

  it("adds Node's process metrics, and two registries in one process never share a count", async () => {
    const a = new Metrics();
    const b = new Metrics();
    a.observe({ operation: 'Q', status: 200, seconds: 0.01 });
    const [textA, textB] = await Promise.all([a.text(), b.text()]);
    expect(textA.body).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(textA.body).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(sample(textA.body, 'atlas_http_requests_total{operation="Q",status="200"}')).toBe(1);
    expect(textB.body).not.toContain('operation="Q"');
  });

  it('bounds the operation names a client can create as labels', () => {
    const labels = new OperationLabels(3);
    expect(labels.label(undefined)).toBe('anonymous');
    expect(labels.label('')).toBe('anonymous');
    expect(labels.label('MapBoundaries')).toBe('MapBoundaries');
    expect(labels.label('bad name"} 1\nfake_metric')).toBe('other');
    expect(labels.label('x'.repeat(65))).toBe('other');
    expect(['A', 'B', 'C', 'MapBoundaries', 'A'].map((n) => labels.label(n))).toEqual(['A', 'B', 'other', 'MapBoundaries', 'A']);
  });

  it("reports the read cache's entries, bytes, hits and misses", async () => {
    const cache = new ReadCache();
    const stats = { hits: 3, misses: 2, entries: 2, bytes: 1234 };
    Object.defineProperty(cache, 'stats', { get: () => stats });
    const metrics = new Metrics({ processMetrics: false, readCache: () => cache.stats });
    let { body } = await metrics.text();
    expect([sample(body, 'atlas_read_cache_hits_total'), sample(body, 'atlas_read_cache_misses_total'), sample(body, 'atlas_read_cache_bytes')]).toEqual([3, 2, 1234]);
    stats.hits = 10;
    ({ body } = await metrics.text());
    expect(sample(body, 'atlas_read_cache_hits_total')).toBe(10);
  });
});

describe.each(testBackends())('database pool gauges on $name', ({ name, database }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openEmptyDatabase(database);
  });
  afterAll(() => db?.dispose());

  const gauges = async (metrics: Metrics) => {
    const { body } = await metrics.text();
    return Object.fromEntries(['used', 'idle', 'pending', 'max'].map((state) => [state, sample(body, `atlas_db_pool_connections{backend="${name}",state="${state}"}`)]));
  };

  if (name === 'pglite') {
    it('reports the one connection of the embedded database as its bound, nothing it cannot know', async () => {
      const metrics = new Metrics({ processMetrics: false, pool: poolStatsOf(db.orm, 'pglite') });
      expect(await gauges(metrics)).toEqual({ used: undefined, idle: undefined, pending: undefined, max: 1 });
    });
  } else {
    it('reports used, idle and waiting connections of the pool while real parallel queries run', async () => {
      const metrics = new Metrics({ processMetrics: false, pool: poolStatsOf(db.orm, 'postgresql') });
      // Twelve sleeping queries on a pool of ten: ten connections busy, two requests waiting.
      const sleeping = Promise.all(Array.from({ length: 12 }, () => query(db.em(), 'select pg_sleep(0.6)')));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const during = await gauges(metrics);
      await sleeping;
      expect(during).toEqual({ used: 10, idle: 0, pending: 2, max: 10 });
      const after = await gauges(metrics);
      expect(after).toMatchObject({ used: 0, pending: 0, max: 10 });
      expect(after.idle).toBeGreaterThanOrEqual(1);
    });
  }
});

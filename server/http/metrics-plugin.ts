import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from '../metrics/metrics.js';
import { OperationLabels } from '../metrics/operation-label.js';
import { errorBody } from './error-body.js';
import { isLoopback } from './rate-limit.js';

export interface MetricsPluginOptions {
  metrics: Metrics;
  /**
   * METRICS_TOKEN: when set, /metrics answers anyone sending `Authorization: Bearer <token>`;
   * when not, only this machine (loopback, without X-Forwarded-For) may read it.
   */
  token?: string;
  /** Bounds the operation names counted (default: the first 200 distinct names). */
  labels?: OperationLabels;
}

/** The operation name a GraphQL request gives: `operationName`, else the name of the document's first operation. */
function graphqlOperationName(request: FastifyRequest): string | undefined {
  const source = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | undefined;
  if (!source || typeof source !== 'object') return undefined;
  if (typeof source.operationName === 'string' && source.operationName) return source.operationName;
  if (typeof source.query !== 'string') return undefined;
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(source.query)?.[1];
}

/** The label of a request: its GraphQL operation (bounded), or its method and route pattern (`GET /export/:file`). */
export function operationOf(request: FastifyRequest, labels: OperationLabels): string {
  const path = request.url.split('?', 1)[0];
  if (path === '/graphql' && (request.method === 'POST' || request.method === 'GET')) return labels.label(graphqlOperationName(request));
  return `${request.method} ${request.routeOptions.url ?? 'unmatched'}`;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Counts every answered request (operation, status, latency) and serves the counts at GET /metrics
 * in Prometheus's text format. Metrics tell who uses which operation how often and how the
 * database pool fares: not secret, but not for the public either, so the route is closed by
 * default to all but this machine; a token opens it to a scraper elsewhere (e.g. another container).
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, options: MetricsPluginOptions): Promise<void> => {
    const labels = options.labels ?? new OperationLabels();
    const expected = options.token ? digest(`Bearer ${options.token}`) : null;
    const allowed = (request: FastifyRequest) =>
      expected
        ? timingSafeEqual(digest(request.headers.authorization ?? ''), expected)
        : isLoopback(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;

    app.addHook('onResponse', (request, reply, done) => {
      options.metrics.observe({ operation: operationOf(request, labels), status: reply.statusCode, seconds: reply.elapsedTime / 1000 });
      done();
    });

    // Not rate limited: a scraper asks every few seconds, and only allowed clients get an answer.
    app.get('/metrics', { config: { rateLimit: false } }, async (request, reply) => {
      if (!allowed(request)) {
        const message = expected ? 'send the METRICS_TOKEN as a Bearer token to read /metrics' : '/metrics answers only this machine; set METRICS_TOKEN to read it from elsewhere';
        return reply.code(403).header('cache-control', 'no-store').send(errorBody('FORBIDDEN', message));
      }
      const { body, contentType } = await options.metrics.text();
      return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
    });
  },
  { name: 'atlas-metrics' },
);

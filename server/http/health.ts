import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { RETRY_AFTER_SECONDS } from '../db/unavailable.js';
import { errorBody } from './error-body.js';
import { sendJson } from './send-json.js';

export interface HealthOptions {
  em: () => Em;
  backend: 'pglite' | 'postgresql';
  /** When the server started (ms since the epoch), for `uptimeSeconds`. */
  startedAt: number;
  /** How long the database may take to answer before the server counts it unreachable (ms, default 5,000). */
  timeoutMs?: number;
  /** Leave out the database's error message (host names, ports). */
  production?: boolean;
}

/**
 * The health routes, never rate limited:
 * - `/health/live` (liveness): 200 whenever the process answers; never touches the database, so an
 *   orchestrator does not restart a healthy process during a database outage;
 * - `/health/ready` (readiness): 200 when the database answers in time, else 503 with Retry-After;
 * - `/health`: readiness plus row counts, as before the split (kept for existing monitors).
 */
export async function healthRoutes(app: FastifyInstance, options: HealthOptions): Promise<void> {
  const uptimeSeconds = () => Math.floor((Date.now() - options.startedAt) / 1000);
  const config = { rateLimit: false };
  app.get('/health/live', { config }, async (_request, reply) => sendJson(reply, 200, { status: 'ok', uptimeSeconds: uptimeSeconds() }));
  app.get('/health/ready', { config }, async (_request, reply) => ready(reply, options, uptimeSeconds(), false));
  app.get('/health', { config }, async (_request, reply) => ready(reply, options, uptimeSeconds(), true));
}

/** Asks the database for a sign of life (and the row counts), answering 200 or 503 with Retry-After. */
async function ready(reply: FastifyReply, options: HealthOptions, uptimeSeconds: number, withCounts: boolean): Promise<FastifyReply> {
  try {
    const sql = withCounts ? `select (select count(*) from jst)::int as jsts, (select count(*) from partnership)::int as partnerships` : 'select 1 as ok';
    const [row] = await withTimeout(query<Record<string, number>>(options.em(), sql), options.timeoutMs ?? 5_000);
    const counts = withCounts ? row : {};
    return sendJson(reply, 200, { status: 'ok', uptimeSeconds, database: { backend: options.backend, reachable: true, ...counts } });
  } catch (error) {
    const detail = options.production ? {} : { error: (error as Error).message.split('\n')[0] };
    // The status document plus the one error body every non-2xx answer carries (docs/errors.md).
    const { errors } = errorBody('SERVICE_UNAVAILABLE', 'the database does not answer', { retryAfterSeconds: RETRY_AFTER_SECONDS });
    const body = { status: 'error', uptimeSeconds, database: { backend: options.backend, reachable: false, ...detail }, errors };
    return sendJson(reply, 503, body, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  }
}

/** Rejects when `promise` takes longer than `ms` (the query itself is bounded by the pool's own timeouts). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

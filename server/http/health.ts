import type { ServerResponse } from 'node:http';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';

export interface HealthOptions {
  em: () => Em;
  backend: 'pglite' | 'postgresql';
  /** When the server started (ms since the epoch), for `uptimeSeconds`. */
  startedAt: number;
  /** How long the database may take to answer before the server counts it unreachable. */
  timeoutMs?: number;
  /** Leave out the database's error message (host names, ports). */
  production?: boolean;
}

/** `/health`: 200 with counts when the database answers, 503 when it does not (or not in time). */
export async function health(res: ServerResponse, options: HealthOptions): Promise<void> {
  const uptimeSeconds = Math.floor((Date.now() - options.startedAt) / 1000);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const [row] = await Promise.race([
      query<{ jsts: number; partnerships: number }>(
        options.em(),
        `select (select count(*) from jst)::int as jsts, (select count(*) from partnership)::int as partnerships`,
      ),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    sendJson(res, 200, { status: 'ok', uptimeSeconds, database: { backend: options.backend, reachable: true, ...row } });
  } catch (error) {
    const detail = options.production ? {} : { error: (error as Error).message.split('\n')[0] };
    // The status document plus the one error body every non-2xx answer carries (docs/errors.md).
    const errors = [{ message: 'the database does not answer', extensions: { code: 'SERVICE_UNAVAILABLE' } }];
    sendJson(res, 503, { status: 'error', uptimeSeconds, database: { backend: options.backend, reachable: false, ...detail }, errors });
  } finally {
    clearTimeout(timer);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(JSON.stringify(body));
}

import type { ServerResponse } from 'node:http';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';

export interface HealthOptions {
  em: () => Em;
  backend: 'pglite' | 'postgresql';
}

/** `/health`: 200 with counts when the database answers, 503 when it does not. */
export async function health(res: ServerResponse, options: HealthOptions): Promise<void> {
  try {
    const [row] = await query<{ jsts: number; partnerships: number }>(
      options.em(),
      `select (select count(*) from jst)::int as jsts, (select count(*) from partnership)::int as partnerships`,
    );
    sendJson(res, 200, { status: 'ok', database: { backend: options.backend, reachable: true, ...row } });
  } catch (error) {
    sendJson(res, 503, { status: 'error', database: { backend: options.backend, reachable: false, error: (error as Error).message.split('\n')[0] } });
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

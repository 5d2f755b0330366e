import type { ServerResponse } from 'node:http';
import { sendJson } from './send-json.js';

/**
 * The one error body of every non-2xx answer, GraphQL's own shape, so a client reads every failure
 * the same way: `{ "errors": [{ "message", "extensions": { "code", "field"?, "reason"?, … } }] }`.
 * Codes and reasons: docs/errors.md.
 */
export interface ErrorBody {
  errors: { message: string; extensions: { code: string } & Record<string, unknown> }[];
}

export function errorBody(code: string, message: string, extensions: Record<string, unknown> = {}): ErrorBody {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

/** Answers `status` with the error body (JSON), unless an answer has begun already (then it is cut short). */
export function sendError(res: ServerResponse, status: number, body: ErrorBody, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  sendJson(res, status, body, headers);
}

import type { ServerResponse } from 'node:http';
import type { DomainError } from '../shared/errors.js';
import { sendJson } from './health.js';

/** HTTP status of each domain error code, for the plain-HTTP routes (GraphQL answers 200 with `extensions.code`). */
const STATUS: Record<DomainError['code'], number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, CONFLICT: 409 };

/** Answers a domain error in the GraphQL error shape: `{ errors: [{ message, extensions: { code, field?, …details } }] }`. */
export function sendDomainError(res: ServerResponse, error: DomainError): void {
  const field = 'field' in error ? { field: error.field } : {};
  sendJson(res, STATUS[error.code], { errors: [{ message: error.message, extensions: { code: error.code, ...field, ...error.details } }] });
}

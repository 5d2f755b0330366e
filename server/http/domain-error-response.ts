import type { ServerResponse } from 'node:http';
import { errorExtensions, type DomainError } from '../shared/errors.js';
import { errorBody, sendError } from './error-body.js';

/** HTTP status of each domain error code, for the plain-HTTP routes (GraphQL answers 200 with `extensions.code`). */
const STATUS: Record<DomainError['code'], number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, CONFLICT: 409 };

/** Answers a domain error in the one error body: `{ errors: [{ message, extensions: { code, field?, …details } }] }`. */
export function sendDomainError(res: ServerResponse, error: DomainError): void {
  sendError(res, STATUS[error.code], errorBody(error.code, error.message, errorExtensions(error)));
}

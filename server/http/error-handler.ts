import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE_TEXT } from '../db/unavailable.js';
import { DomainError, errorExtensions } from '../shared/errors.js';
import { errorBody } from './error-body.js';
import { HttpError } from './http-error.js';
import { payloadTooLarge } from './read-body.js';
import { sendJson } from './send-json.js';

/** HTTP status of each domain error code, for the plain-HTTP routes (GraphQL answers 200 with `extensions.code`). */
const DOMAIN_STATUS: Record<DomainError['code'], number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, CONFLICT: 409 };

/** Our code for a 4xx that Fastify or one of its plugins raised with no code of ours (docs/errors.md). */
const CODE_OF_STATUS: Record<number, string> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  416: 'RANGE_NOT_SATISFIABLE',
};

/** Fastify's own refusals of a request body, in our words. */
function fastifyRefusal(error: FastifyError, request: FastifyRequest): HttpError | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge(request.routeOptions.bodyLimit ?? 0);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'BAD_REQUEST', 'request body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `this route does not take a body of Content-Type "${request.headers['content-type'] ?? 'none'}"`);
  }
  const status = error.statusCode ?? 500;
  // Headers the refusal carries (@fastify/send's 416 has `Content-Range: bytes */<size>`).
  const headers = (error as { headers?: Record<string, string> }).headers ?? {};
  if (status >= 400 && status < 500) return new HttpError(status, CODE_OF_STATUS[status] ?? 'BAD_REQUEST', error.message, {}, headers);
  return undefined;
}

/** Any error as the refusal the client gets; undefined for a fault of ours (500). */
function asHttpError(error: unknown, request: FastifyRequest): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof DomainError) return new HttpError(DOMAIN_STATUS[error.code], error.code, error.message, errorExtensions(error));
  if (isDatabaseUnavailable(error)) {
    // An outage, not a bug: 503 tells clients and proxies to come back (export routes end up here).
    console.error(error);
    return new HttpError(503, 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE_TEXT, { retryAfterSeconds: RETRY_AFTER_SECONDS }, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  }
  // Fastify and its plugins mark the client's faults with a 4xx statusCode.
  return typeof (error as Partial<FastifyError> | null)?.statusCode === 'number' ? fastifyRefusal(error as FastifyError, request) : undefined;
}

/** Answers `error` in the one error body and notes its code for the request log. */
export function sendErrorReply(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const refusal = asHttpError(error, request);
  if (!refusal) console.error(error);
  const { status, code, message, extensions, headers } = refusal ?? new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  if (request.record) {
    request.record.error = code;
    if (typeof extensions.reason === 'string') request.record.reason = extensions.reason;
  }
  // The rest of a refused body is not read: close rather than parse it as the next request.
  if (status === 413) reply.header('connection', 'close');
  return sendJson(reply, status, errorBody(code, message, extensions), headers);
}

/**
 * Every non-2xx answer in the one error body (docs/errors.md): our HttpErrors, domain errors of the
 * feature routes, database outages (503 + Retry-After), Fastify's own refusals (bad JSON, 413, 415),
 * and 404 for a path no route takes.
 */
export const errorHandling = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error, request, reply) => sendErrorReply(error, request, reply));
    app.setNotFoundHandler((request, reply) => sendJson(reply, 404, errorBody('NOT_FOUND', `no route ${request.url.split('?')[0]}`)));
  },
  { name: 'atlas-errors' },
);

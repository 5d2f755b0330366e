import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE_TEXT } from '../db/unavailable.js';
import { DomainError, errorExtensions } from '../shared/errors.js';
import { tokenLimitError } from './limits/tokens.js';

/** Finds a domain error behind GraphQL's wrapping (resolver errors arrive as `originalError`). */
function domainError(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Gives each error a code clients can switch on. Domain errors keep theirs: bad input (malformed or
 * unknown keys, ranges, GeoJSON, page sizes) is BAD_USER_INPUT with the field it concerns; then
 * UNAUTHENTICATED, FORBIDDEN, CONFLICT (with the current version). Anything unexpected is an
 * INTERNAL_SERVER_ERROR whose details (SQL, stack) stay in the server log outside development.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const tooManyTokens = tokenLimitError(formatted);
    if (tooManyTokens) return tooManyTokens;
    const domain = domainError(error);
    if (domain) {
      return {
        message: domain.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: errorExtensions(domain),
      };
    }
    // Not our bug but an outage: coded so clients retry (the plugin in unavailable-plugin.ts sends 503 + Retry-After).
    if (isDatabaseUnavailable(error)) {
      console.error(error);
      return { message: UNAVAILABLE_MESSAGE_TEXT, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: RETRY_AFTER_SECONDS } };
    }
    const code = formatted.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      console.error(error);
      if (production) return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' } };
    }
    if (production) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    return formatted;
  };
}

/** The code (and limit reason, if any) a client will see for an error, for the request log. */
export function errorCode(error: unknown): { code: string; reason?: string } {
  const domain = domainError(error);
  if (domain) return { code: domain.code, ...(typeof domain.details.reason === 'string' ? { reason: domain.details.reason } : {}) };
  if (isDatabaseUnavailable(error)) return { code: 'SERVICE_UNAVAILABLE' };
  const { message, extensions } = (error ?? {}) as { message?: unknown; extensions?: Record<string, unknown> };
  const formatted = tokenLimitError({ message: String(message ?? ''), extensions });
  const ext = formatted?.extensions ?? extensions ?? {};
  const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
  return { code, ...(typeof ext.reason === 'string' ? { reason: ext.reason } : {}) };
}

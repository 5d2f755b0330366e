/**
 * Recognising "the database is down or too slow" among errors, so callers answer 503 with
 * Retry-After (try again later) instead of 500 (our bug). Free of any transport.
 */

/** What clients are told to wait before retrying, in seconds: a restart of PostgreSQL takes a few. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL SQLSTATEs that mean "not now": 57014 query_canceled (statement_timeout), 57P01–57P03
 * admin/crash shutdown and cannot-connect-now, 53300 too many connections, class 08 connection errors.
 */
const UNAVAILABLE_SQLSTATE = /^(57014|57P0[123]|53300|08...)$/;

/** Socket errors of a database connection that is refused, reset or lost. */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Messages of the `pg` client and pool that carry no code: the client-side query timeout, the
 * pool-acquire timeout, and a connection lost mid-query.
 */
const UNAVAILABLE_MESSAGE =
  /Query read timeout|timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|terminating connection due to|the database system is (starting up|shutting down|in recovery mode)/i;

/** Whether `error` (or an error it wraps, via `originalError`/`thrownValue`/`cause`) means the database is unavailable or timed out. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (name === 'ConnectionException') return true;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    // GraphQL wraps resolver errors (originalError), and a thrown non-Error (pg throws plain socket
    // error objects when a connect is refused) in NonErrorThrown (thrownValue); drivers chain `cause`.
    const next = current as { cause?: unknown; originalError?: unknown; thrownValue?: unknown };
    current = next.originalError ?? next.thrownValue ?? next.cause;
  }
  return false;
}

/** The message clients see: no internals (host names, SQL), just what happened and when to retry. */
export const UNAVAILABLE_MESSAGE_TEXT = `the database is unavailable or did not answer in time; retry after ${RETRY_AFTER_SECONDS} s`;

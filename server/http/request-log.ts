import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorCode } from '../graphql/errors.js';

/** One line per request, as JSON. Paths are logged without their query string (filters, queries). */
export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  /** The GraphQL operation's name, when the request ran a named operation. */
  operation?: string;
  status: number;
  durationMs: number;
  ip: string;
  /** The error code the client got (RATE_LIMITED, PAYLOAD_TOO_LARGE, GRAPHQL_VALIDATION_FAILED, …). */
  error?: string;
  /** Why, for a refused operation (QUERY_TOO_DEEP, …) or bad input (NOT_FOUND). */
  reason?: string;
  /** The client went away before the answer was complete. */
  aborted?: true;
}

export type RequestLogger = (line: string) => void;

/** What the layers of one request learn about it on the way (the route, Apollo's plugin). */
export interface RequestRecord {
  operation?: string;
  error?: string;
  reason?: string;
}

/**
 * The request's record rides on its GraphQL context, so the Apollo plugin can fill in what only
 * Apollo knows. A symbol-keyed enumerable property: Apollo shallow-copies the context per operation.
 */
const RECORD = Symbol('atlas.requestRecord');

export function attachRecord(context: object, record: RequestRecord): void {
  Object.defineProperty(context, RECORD, { value: record, enumerable: true });
}

const recordOf = (context: object): RequestRecord | undefined => (context as { [RECORD]?: RequestRecord })[RECORD];

/** Starts timing a request and writes its line once the response is finished or abandoned. */
export function logRequest(req: IncomingMessage, res: ServerResponse, path: string, ip: string, log: RequestLogger): RequestRecord {
  const started = performance.now();
  const record: RequestRecord = {};
  res.once('close', () => {
    const entry: RequestLogEntry = {
      time: new Date().toISOString(),
      method: req.method ?? 'GET',
      path,
      ...(record.operation ? { operation: record.operation } : {}),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ip,
      ...(record.error ? { error: record.error } : res.statusCode >= 400 ? { error: `HTTP_${res.statusCode}` } : {}),
      ...(record.reason ? { reason: record.reason } : {}),
      ...(res.writableFinished ? {} : { aborted: true as const }),
    };
    try {
      log(JSON.stringify(entry));
    } catch {
      // a failing log sink must not take the server down
    }
  });
  return record;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the request log learns about this request on the way; null when nothing is logged. */
    record: RequestRecord | null;
  }
}

/** The path as logged: without the query string; a path that does not parse is logged as sent. */
export function loggedPath(raw: string): string {
  try {
    return new URL(raw, 'http://localhost').pathname;
  } catch {
    return raw.split('?')[0]!;
  }
}

/** One JSON line per request to `log` (registered before the other hooks, so refusals are logged too). */
export const requestLogging = fp(
  async (app: FastifyInstance, { log }: { log: RequestLogger }) => {
    app.decorateRequest('record', null);
    app.addHook('onRequest', (request, reply, done) => {
      request.record = logRequest(request.raw, reply.raw, loggedPath(request.url), request.clientIp, log);
      done();
    });
  },
  { name: 'atlas-request-log', dependencies: ['atlas-client-ip'] },
);

/** Writes to stdout, one line each. */
export const stdoutLogger: RequestLogger = (line) => void process.stdout.write(`${line}\n`);

/** Tells the request log which operation ran and the first error code the client got. */
export function requestLogPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const record = recordOf(contextValue);
      if (!record) return;
      return {
        async didResolveOperation({ operationName }) {
          if (operationName) record.operation = operationName;
        },
        async didEncounterErrors({ errors }) {
          if (!errors[0] || record.error) return;
          const { code, reason } = errorCode(errors[0]);
          record.error = code;
          if (reason) record.reason = reason;
        },
      };
    },
  };
}

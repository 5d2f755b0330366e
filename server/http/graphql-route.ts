import type { ApolloServer, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../graphql/context.js';
import { readBody, type BodyLimitOptions } from './read-body.js';
import { HttpError } from './read-body.js';
import { attachRecord, type RequestRecord } from './request-log.js';

export interface GraphqlRouteOptions extends BodyLimitOptions {
  apollo: ApolloServer<Context>;
  context: () => Promise<Context>;
  /** The request's log record, which Apollo's plugin fills with the operation name and error code. */
  record?: RequestRecord;
}

/** Hands a node request to Apollo's transport-neutral entry point and writes its answer back. */
export async function graphqlRoute(req: IncomingMessage, res: ServerResponse, url: URL, options: GraphqlRouteOptions): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const text = await readBody(req, options);
    if ((headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'request body is not valid JSON');
      }
      if (Array.isArray(body)) {
        // Batching stays off: rate limits count requests, and one operation per request keeps each limit meaningful.
        throw new HttpError(400, 'BAD_REQUEST', 'batched requests are not supported: send one operation per request, as a JSON object (not an array)', {
          reason: 'BATCHING_NOT_SUPPORTED',
        });
      }
    } else body = text;
  }
  const record = options.record;
  const context = record
    ? async () => {
        const value = await options.context();
        attachRecord(value, record);
        return value;
      }
    : options.context;
  const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
  const response = await options.apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

import type { ApolloServer, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Context } from '../graphql/context.js';
import { readBody, type BodyLimitOptions } from './read-body.js';
import { HttpError } from './read-body.js';
import { attachRecord, type RequestRecord } from './request-log.js';

export interface GraphqlRouteOptions extends BodyLimitOptions {
  apollo: ApolloServer<Context>;
  context: () => Promise<Context>;
  /** The request's log record, which Apollo's plugin fills with the operation name and error code. */
  record?: RequestRecord;
  /** Largest answer sent, in bytes; a larger one is refused whole (RESPONSE_TOO_LARGE), never cut short. */
  maxResponseBytes: number;
}

/** The refusal of an answer over the cap: nothing of the answer is sent. */
function tooLarge(bytes: number, limit: number): HttpError {
  return new HttpError(400, 'RESPONSE_TOO_LARGE', `the answer would be ${bytes} bytes; the limit is ${limit}: ask for less (smaller pages, more simplify, fewer decimals, one województwo)`, {
    bytes,
    limit,
  });
}

/** The whole answer of an incremental response as one string, refused as soon as it passes `limit` bytes. */
async function collect(body: AsyncIterable<string>, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = Buffer.from(chunk);
    bytes += buffer.length;
    if (bytes > limit) throw tooLarge(bytes, limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString();
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
  // Measured before anything is written, so a refused answer leaves no half-sent body behind.
  const limit = options.maxResponseBytes;
  const answer = response.body.kind === 'complete' ? response.body.string : await collect(response.body.asyncIterator, limit);
  const bytes = Buffer.byteLength(answer);
  if (bytes > limit) throw tooLarge(bytes, limit);
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  res.setHeader('content-length', bytes);
  await writeInSlices(res, answer);
}

/** Characters written per turn of the event loop: encoding megabytes at once would hold up every other request. */
const WRITE_SLICE = 64 * 1024;

/** Writes `text` a slice at a time, giving other requests a turn in between (never splitting a surrogate pair). */
async function writeInSlices(res: ServerResponse, text: string): Promise<void> {
  let at = 0;
  while (text.length - at > WRITE_SLICE) {
    let end = at + WRITE_SLICE;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate stays with its low half
    res.write(text.slice(at, end));
    at = end;
    await yieldToEventLoop();
    if (res.destroyed) return;
  }
  res.end(at ? text.slice(at) : text);
}

import type { ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Context } from '../graphql/context.js';
import { carriesGraphqlErrors, keepUncached } from './http-cache.js';
import { HttpError } from './http-error.js';
import { attachRecord } from './request-log.js';

export interface GraphqlRouteOptions {
  apollo: ApolloServer<Context>;
  /** Builds the GraphQL context of one request (forked EntityManager, caller identity). */
  context: (req: IncomingMessage) => Promise<Context>;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Largest answer sent, in bytes; a larger one is refused whole (RESPONSE_TOO_LARGE), never cut short. */
  maxResponseBytes: number;
}

/** The refusal of an answer over the cap: nothing of the answer is sent. */
function tooLarge(bytes: number, limit: number): HttpError {
  const advice = 'ask for less (smaller pages, more simplify, fewer decimals, one województwo)';
  return new HttpError(400, 'RESPONSE_TOO_LARGE', `the answer would be ${bytes} bytes; the limit is ${limit}: ${advice}`, { bytes, limit });
}

const batchRefusal = () =>
  new HttpError(400, 'BAD_REQUEST', 'batched requests are not supported: send one operation per request, as a JSON object (not an array)', {
    reason: 'BATCHING_NOT_SUPPORTED',
  });

/**
 * `/graphql`, every method (Apollo answers 405 to those it does not take), through Apollo's Fastify
 * integration. Bodies of any content type reach Apollo as text, so its CSRF prevention refuses
 * text/plain and form posts with its own message; a JSON array (a batch) is refused here.
 * The answer is measured before anything is written (over the cap: RESPONSE_TOO_LARGE, no half-sent
 * body) and written a slice at a time.
 */
export async function graphqlRoute(app: FastifyInstance, options: GraphqlRouteOptions): Promise<void> {
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const apollo = fastifyApolloHandler<Context>(options.apollo, {
    context: async (request: FastifyRequest) => {
      const value = await options.context(request.raw);
      // Apollo's request-log plugin fills in the operation name and error code.
      if (request.record) attachRecord(value, request.record);
      return value;
    },
  });
  const limit = options.maxResponseBytes;
  app.all('/graphql', { bodyLimit: options.maxBodyBytes, config: { cors: true } }, async function (request, reply: FastifyReply) {
    // Batching stays off: rate limits count requests, and one operation per request keeps each limit meaningful.
    if (Array.isArray(request.body)) throw batchRefusal();
    const answer: unknown = await apollo.call(this, request as Parameters<typeof apollo>[0], reply as Parameters<typeof apollo>[1]);
    // Apollo streams only incremental delivery (@defer), which graphql 16 does not have.
    if (typeof answer !== 'string') return answer;
    // Not stored unless the HTTP cache (http-cache.ts) makes a GET read public; Apollo's cache-control plugin, which said so, is off (apollo.ts).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    const bytes = Buffer.byteLength(answer);
    if (bytes > limit) throw tooLarge(bytes, limit);
    reply.header('content-length', bytes);
    if (answer.length <= WRITE_SLICE) return answer;
    // Written as a stream, which the HTTP cache cannot read for `errors` on its way out: decided here.
    if (carriesGraphqlErrors(answer)) keepUncached(request);
    return Readable.from(slices(answer));
  });
}

/** Characters written per turn of the event loop: encoding megabytes at once would hold up every other request. */
const WRITE_SLICE = 64 * 1024;

/** `text` a slice at a time, giving other requests a turn in between (never splitting a surrogate pair). */
async function* slices(text: string): AsyncGenerator<string> {
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + WRITE_SLICE, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate stays with its low half
    yield text.slice(at, end);
    at = end;
    if (at < text.length) await yieldToEventLoop();
  }
}

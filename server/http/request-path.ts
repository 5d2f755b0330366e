import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasControlCharacters } from '../input/text.js';
import { HttpError } from './http-error.js';

const malformed = (rule: string) => new HttpError(400, 'BAD_REQUEST', `the request path ${rule}`, { reason: 'MALFORMED_PATH' });

/**
 * The request's URL with its path checked once for every route: percent-escapes must decode to
 * UTF-8 (`/%E0%A4%A` does not) and the decoded path may hold no control characters (`%00`).
 * A broken path is the client's error: 400 BAD_REQUEST, reason MALFORMED_PATH, never a 500.
 */
export function requestUrl(raw: string | undefined): URL {
  let url: URL;
  let decoded: string;
  try {
    url = new URL(raw ?? '/', 'http://localhost');
    decoded = decodeURIComponent(url.pathname);
  } catch {
    throw malformed('is not valid: percent-escapes must encode UTF-8');
  }
  if (hasControlCharacters(decoded)) throw malformed('must not contain control characters');
  return url;
}

/** The refusal of a path the router cannot decode (Fastify's FST_ERR_BAD_URL), in our words. */
export const badUrl = () => malformed('is not valid: percent-escapes must encode UTF-8');

/** A request target of printable ASCII (no space, no DEL) and no `%`: it parses, and decodes to itself. */
const PLAIN_PATH = /^[\x21-\x24\x26-\x7e]*$/;

/** Checks every request's path before any route sees it (the router alone would answer `%00` with 404). */
export const pathCheck = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', (request, _reply, done) => {
      // Printable ASCII without percent-escapes passes both rules as it is: the common case skips building a URL.
      if (PLAIN_PATH.test(request.url)) return done();
      try {
        requestUrl(request.url);
      } catch (error) {
        return done(error as HttpError);
      }
      done();
    });
  },
  { name: 'atlas-path-check' },
);

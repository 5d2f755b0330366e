import { hasControlCharacters } from '../input/text.js';
import { HttpError } from './read-body.js';

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
    throw new HttpError(400, 'BAD_REQUEST', 'the request path is not valid: percent-escapes must encode UTF-8', { reason: 'MALFORMED_PATH' });
  }
  if (hasControlCharacters(decoded)) throw new HttpError(400, 'BAD_REQUEST', 'the request path must not contain control characters', { reason: 'MALFORMED_PATH' });
  return url;
}

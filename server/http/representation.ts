import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { HttpError } from './http-error.js';

/** A strong validator of `body`: a hash of its bytes, so the same bytes always get the same tag. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** The tags of If-None-Match / If-Range without `W/` and the coding suffix the compression adds (`"…-br"`). */
const tagsOf = (header: string) => header.split(',').map((tag) => tag.trim().replace(/^W\//, '').replace(/-(br|gzip)"$/, '"'));

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function matchesNoneMatch(header: string | undefined, etag: string): boolean {
  return header !== undefined && (header.trim() === '*' || tagsOf(header).includes(etag));
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | undefined;

/**
 * The one range of `Range: bytes=a-b | a- | -n` within `size` bytes (inclusive ends). Undefined,
 * meaning "send it all", for no header, another unit, a malformed value or several ranges (which
 * a server may answer whole, RFC 9110 §14.2); 'unsatisfiable' when it starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (end < start && match[2] !== '') return undefined; // "bytes=5-2" is invalid: ignored
  return start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * Answers a complete, already built body with its validators: a strong ETag, Accept-Ranges; 304
 * when If-None-Match names the ETag; 206 with Content-Range for one satisfiable `Range: bytes=…`
 * (honoured only when If-Range, if sent, names the current ETag); 416 RANGE_NOT_SATISFIABLE
 * with `Content-Range: bytes *\/size` for one that starts past the end. HEAD gets the same headers.
 */
export function sendRepresentation(request: FastifyRequest, reply: FastifyReply, text: string): FastifyReply {
  const body = Buffer.from(text);
  const etag = strongEtag(body);
  reply.header('etag', etag).header('accept-ranges', 'bytes');
  if (matchesNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
  // If-Range asks for the range only if the body is still the one whose tag it names (strong comparison).
  const ifRange = request.headers['if-range'];
  const range = ifRange === undefined || ifRange === etag ? parseRange(request.headers.range, body.length) : undefined;
  if (range === 'unsatisfiable') {
    throw new HttpError(416, 'RANGE_NOT_SATISFIABLE', `the range "${request.headers.range}" starts past the end of the ${body.length} bytes`, { size: body.length }, { 'content-range': `bytes */${body.length}` });
  }
  if (!range) return reply.send(body);
  reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${body.length}`);
  return reply.send(body.subarray(range.start, range.end + 1));
}

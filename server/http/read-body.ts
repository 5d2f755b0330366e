import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

export interface BodyLimitOptions {
  /** Largest request body accepted, in bytes. */
  maxBytes: number;
}

/**
 * Reads the whole body as bytes (for uploads whose encoding is detected later), refusing (413)
 * once it passes the limit rather than buffering it all. For routes that read their body
 * themselves, after checks that need no body (token, content type).
 */
export async function readBodyBytes(req: IncomingMessage, { maxBytes }: BodyLimitOptions): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw payloadTooLarge(maxBytes, declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw payloadTooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The 413 of a body over `maxBytes` (bytes), with its declared size when the client sent one. */
export function payloadTooLarge(maxBytes: number, declared?: number): HttpError {
  const what = declared ? `request body of ${declared} bytes is` : 'request body is';
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', `${what} over the limit of ${maxBytes} bytes`);
}

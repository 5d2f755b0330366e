import type { IncomingMessage } from 'node:http';

/** A request refused by the HTTP layer: answered with `status` and `{ errors: [{ message, extensions: { code, … } }] }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More for the client, e.g. `reason`, `retryAfterSeconds`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface BodyLimitOptions {
  /** Largest request body accepted, in bytes. */
  maxBytes: number;
}

/** Reads the whole body as UTF-8, refusing (413) once it passes the limit rather than buffering it all. */
export async function readBody(req: IncomingMessage, options: BodyLimitOptions): Promise<string> {
  return (await readBodyBytes(req, options)).toString('utf8');
}

/** Reads the whole body as bytes (for uploads whose encoding is detected later), with the same 413 limit. */
export async function readBodyBytes(req: IncomingMessage, { maxBytes }: BodyLimitOptions): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body of ${declared} bytes is over the limit of ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body is over the limit of ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsOptions {
  /** Origins allowed to read; '*' for any (public data, embeds). */
  allowOrigin: '*' | string[];
  maxAgeSeconds: number;
}

/**
 * Sets CORS headers; answers a preflight itself and returns true when it did.
 * Any origin may read. Credentials are never allowed (no `Access-Control-Allow-Credentials`), so a
 * browser never sends cookies or HTTP auth cross-origin: the only way to write is an explicit
 * `Authorization: Bearer <token>` header, which a page can only send if it holds the token.
 * Posts that need no preflight (text/plain, form bodies) are refused by Apollo's CSRF prevention.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, options: CorsOptions): boolean {
  const origin = req.headers.origin;
  if (options.allowOrigin === '*') res.setHeader('Access-Control-Allow-Origin', '*');
  else if (origin && options.allowOrigin.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  // Lets cross-origin clients read how long to wait after a 429.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Apollo-Require-Preflight');
    res.setHeader('Access-Control-Max-Age', String(options.maxAgeSeconds));
    res.writeHead(204).end();
    return true;
  }
  return false;
}

import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsOptions {
  /** Origins allowed to read; '*' for any (public data, embeds). */
  allowOrigin: '*' | string[];
  maxAgeSeconds: number;
}

/** Sets CORS headers; answers a preflight itself and returns true when it did. */
export function applyCors(req: IncomingMessage, res: ServerResponse, options: CorsOptions): boolean {
  const origin = req.headers.origin;
  if (options.allowOrigin === '*') res.setHeader('Access-Control-Allow-Origin', '*');
  else if (origin && options.allowOrigin.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Apollo-Require-Preflight');
    res.setHeader('Access-Control-Max-Age', String(options.maxAgeSeconds));
    res.writeHead(204).end();
    return true;
  }
  return false;
}

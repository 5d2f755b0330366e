import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { appContentSecurityPolicy } from './security-headers.js';

export interface StaticOptions {
  /** Folder of the built map app (web/dist); absent until it is built. */
  root: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pbf': 'application/x-protobuf',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built map app; `/` and `/embed` are its two pages. Returns false when nothing matched.
 * HTML gets the app's Content-Security-Policy (`/embed` may be framed anywhere, `/` only by the atlas).
 */
export async function staticRoute(req: IncomingMessage, res: ServerResponse, url: URL, options: StaticOptions): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const page = url.pathname === '/' || url.pathname === '/embed' ? '/index.html' : url.pathname;
  const file = path.resolve(options.root, `.${decodeURIComponent(page)}`);
  if (!file.startsWith(path.resolve(options.root) + path.sep) || !existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': page.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...(path.extname(file) === '.html' ? { 'Content-Security-Policy': appContentSecurityPolicy(url.pathname) } : {}),
  });
  if (req.method === 'HEAD') return void res.end(), true;
  createReadStream(file).pipe(res);
  return true;
}

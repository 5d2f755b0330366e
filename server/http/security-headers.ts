import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const isEmbed = (path: string) => path === '/embed' || path === '/embed/';

/** Headers every response carries: no MIME sniffing, no full URLs leaked to other sites. */
export const securityHeaders = fp(
  async (app: FastifyInstance) => {
    // Callback-style hooks here and in the other plugins on every request: an async hook costs a promise and a turn of the microtask queue.
    app.addHook('onRequest', (request, reply, done) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'strict-origin-when-cross-origin');
      // The embed page is meant to be framed by any site; everything else only by the atlas itself.
      if (!isEmbed(request.url.split('?')[0]!)) reply.header('x-frame-options', 'SAMEORIGIN');
      done();
    });
  },
  { name: 'atlas-security-headers' },
);

/**
 * The map app's Content-Security-Policy: its own scripts, styles (MapLibre sets inline styles),
 * images (canvas exports as data:/blob:), MapLibre's blob: workers, and calls to its own API only.
 * `/` may be framed by the atlas itself; `/embed` by any site.
 */
export function appContentSecurityPolicy(path: string): string {
  return [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    'child-src blob:',
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isEmbed(path) ? '*' : "'self'"}`,
  ].join('; ');
}

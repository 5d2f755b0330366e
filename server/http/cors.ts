import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface CorsOptions {
  /** Origins allowed to read; '*' for any (public data, embeds). */
  allowOrigin: '*' | string[];
  /** How long a browser may cache a preflight's answer, in seconds. */
  maxAgeSeconds: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Other origins may read this route's answers (CORS headers; OPTIONS answered as a preflight). */
    cors?: boolean;
  }
}

/**
 * CORS for the routes whose config says `cors: true`: any origin may read. A preflight (OPTIONS,
 * which such a route must accept) is answered here with 204. Credentials are never allowed (no
 * `Access-Control-Allow-Credentials`), so a browser never sends cookies or HTTP auth cross-origin:
 * the only way to write is an explicit `Authorization: Bearer <token>` header, which a page can only
 * send if it holds the token. Posts that need no preflight (text/plain, form bodies) are refused by
 * Apollo's CSRF prevention. Registered before the rate limit, so a 429 is readable cross-origin.
 */
export const cors = fp(
  async (app: FastifyInstance, options: CorsOptions) => {
    app.addHook('onRequest', (request, reply, done) => {
      if (!request.routeOptions.config?.cors) return done();
      const origin = request.headers.origin;
      if (options.allowOrigin === '*') reply.header('access-control-allow-origin', '*');
      else if (origin && options.allowOrigin.includes(origin)) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      // Lets cross-origin clients read how long to wait after a 429.
      reply.header('access-control-expose-headers', 'Retry-After');
      if (request.method !== 'OPTIONS') return done();
      reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
      reply.header('access-control-allow-headers', 'Content-Type, Authorization, Apollo-Require-Preflight');
      reply.header('access-control-max-age', String(options.maxAgeSeconds));
      reply.code(204).send(); // answered here: the route does not run
    });
  },
  { name: 'atlas-cors' },
);

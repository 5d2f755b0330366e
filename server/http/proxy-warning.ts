import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface ProxyWarningOptions {
  /** TRUSTED_PROXIES: the number of reverse proxies whose X-Forwarded-For entries the server trusts. */
  trustedProxies: number;
  /** Where the warning line goes (the server's log). */
  log: (line: string) => void;
}

/** The warning, also the documentation of the setting. */
export const PROXY_WARNING =
  'warning: a request arrived with X-Forwarded-For while TRUSTED_PROXIES=0, so every client behind that proxy shares one rate-limit bucket ' +
  'and is logged with the proxy\'s address. Behind a reverse proxy set TRUSTED_PROXIES to the number of proxies in front of the server ' +
  '(1 for one nginx); leave it at 0 when clients connect directly, or they could forge their address.';

/**
 * Says once, on the first request that shows it, that the server probably runs behind a proxy it
 * was not told about. Only once: the header arrives with every proxied request.
 */
export const proxyWarningPlugin = fp(
  async (app: FastifyInstance, options: ProxyWarningOptions): Promise<void> => {
    if (options.trustedProxies > 0) return;
    let warned = false;
    app.addHook('onRequest', (request, _reply, done) => {
      if (!warned && request.headers['x-forwarded-for'] !== undefined) {
        warned = true;
        options.log(PROXY_WARNING);
      }
      done();
    });
  },
  { name: 'atlas-proxy-warning' },
);

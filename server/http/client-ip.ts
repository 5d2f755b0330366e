import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface ClientIpOptions {
  /**
   * How many reverse proxies of our own stand in front of the server. 0 (the default): the
   * socket's address is the client and `X-Forwarded-For` is ignored (anyone can send it).
   * n > 0: the n-th address from the right of `X-Forwarded-For`, the one our outermost proxy saw.
   */
  trustedProxies: number;
}

/** `::ffff:1.2.3.4` and `1.2.3.4` are one client. */
const normalize = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/** The address rate limits and logs key on. */
export function clientIp(req: IncomingMessage, { trustedProxies }: ClientIpOptions): string {
  const socketAddress = normalize(req.socket.remoteAddress ?? 'unknown');
  if (trustedProxies <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const client = hops[hops.length - trustedProxies];
  return client ? normalize(client) : socketAddress;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The client's address as rate limits and logs see it (see {@link clientIp}). */
    clientIp: string;
  }
}

/** Gives every request its `clientIp`, worked out from the socket and trusted proxies when asked for. */
export const clientAddress = fp(
  async (app: FastifyInstance, options: ClientIpOptions) => {
    app.decorateRequest('clientIp', {
      getter(this: FastifyRequest) {
        return clientIp(this.raw, options);
      },
    });
  },
  { name: 'atlas-client-ip' },
);

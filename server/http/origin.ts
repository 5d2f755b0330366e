import type { FastifyRequest } from 'fastify';

const firstValue = (header: string | string[] | undefined) => (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * `http(s)://host[:port]` as the client reached the server, for absolute links in answers (TileJSON's
 * URL template, OGC API links). With `trustedProxies` ≥ 1, X-Forwarded-Proto and -Host name it; a Host
 * header that is not a host name falls back to loopback (it would otherwise be echoed into links).
 */
export function originOf(request: FastifyRequest, trustedProxies: number): string {
  const forwarded = trustedProxies > 0;
  const proto = (forwarded && firstValue(request.headers['x-forwarded-proto'])) || 'http';
  const host = (forwarded && firstValue(request.headers['x-forwarded-host'])) || request.headers.host || '';
  return `${proto === 'https' ? 'https' : 'http'}://${HOST.test(host) ? host : '127.0.0.1'}`;
}

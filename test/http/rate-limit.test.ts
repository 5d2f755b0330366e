import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { clientIp } from '../../server/http/client-ip.js';
import { RateLimiter } from '../../server/http/rate-limit.js';
import type { IncomingMessage } from 'node:http';
import { postGraphql, startHttp, type TestHttp } from './http-harness.js';

describe('anonymous rate limit over HTTP (3 requests, then 1 a second)', () => {
  let http: TestHttp;
  beforeAll(async () => {
    http = await startHttp({ rateLimit: { perMinute: 60, burst: 3, exemptLoopback: false } });
  });
  afterAll(async () => {
    await http?.close();
  });
  const query = { query: '{ __typename }' };

  it('answers the request past the burst with 429, Retry-After in seconds and a RATE_LIMITED error', async () => {
    for (let i = 0; i < 3; i++) expect((await postGraphql(http.url, query)).status).toBe(200);
    const refused = await postGraphql(http.url, query);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as any;
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/60 a minute \(bursts of 3\)/);
  });

  it('lets a cross-origin client read Retry-After', async () => {
    const refused = await postGraphql(http.url, query, { origin: 'https://gazeta.example' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(refused.headers.get('access-control-expose-headers')).toMatch(/Retry-After/i);
  });

  it('does not limit a request with a Bearer token', async () => {
    const response = await postGraphql(http.url, query, { authorization: 'Bearer atlas_test' });
    expect(response.status).toBe(200);
  });

  it('does not limit /health', async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${http.url}/health`)).status).toBe(200);
  });

  it('does not limit CORS preflights', async () => {
    const preflight = await fetch(`${http.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://gazeta.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
  });
});

describe('token bucket', () => {
  it('refills at perMinute / 60 a second up to the burst', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 2, maxClients: 10, exemptLoopback: false });
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 1_000).allowed).toBe(true);
    expect(limiter.take('b', 1_000).allowed).toBe(true); // each client has its own bucket
  });

  it('keeps at most maxClients buckets, forgetting the least recently seen', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1, maxClients: 100, exemptLoopback: false });
    for (let i = 0; i < 1_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(limiter.size).toBe(100);
  });

  it('forgets buckets that have refilled', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1, maxClients: 100, exemptLoopback: false });
    for (let i = 0; i < 50; i++) limiter.take(`c${i}`, 0);
    limiter.take('late', 120_000);
    expect(limiter.size).toBe(1);
  });
});

describe('client address', () => {
  const request = (remoteAddress: string, forwardedFor?: string) =>
    ({ socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

  it('is the socket address, ignoring X-Forwarded-For, when no proxy is trusted', () => {
    expect(clientIp(request('::ffff:203.0.113.9', '198.51.100.1'), { trustedProxies: 0 })).toBe('203.0.113.9');
  });

  it('is the address our proxy saw, when one proxy is trusted', () => {
    expect(clientIp(request('10.0.0.2', 'forged, 198.51.100.1'), { trustedProxies: 1 })).toBe('198.51.100.1');
  });
});

describe('default rate limit', () => {
  let http: TestHttp;
  beforeAll(async () => {
    http = await startHttp({ rateLimit: { burst: 2 } });
  });
  afterAll(async () => {
    await http?.close();
  });

  it('leaves this machine\'s own clients (loopback, no X-Forwarded-For) alone', async () => {
    for (let i = 0; i < 5; i++) expect((await postGraphql(http.url, { query: '{ __typename }' })).status).toBe(200);
  });

  it('limits loopback traffic that a reverse proxy forwards (X-Forwarded-For), as one client until trustedProxies is set', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await postGraphql(http.url, { query: '{ __typename }' }, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

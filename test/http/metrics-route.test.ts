import { afterEach, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { metricsPlugin } from '../../server/http/metrics-plugin.js';
import { PROXY_WARNING, proxyWarningPlugin } from '../../server/http/proxy-warning.js';
import { Metrics } from '../../server/metrics/metrics.js';

/** A bare Fastify server with a GraphQL-like route, an export route and the plugin under test. */
async function server(register: (app: FastifyInstance) => PromiseLike<unknown>): Promise<FastifyInstance> {
  const app = Fastify();
  await register(app);
  app.get('/graphql', async () => ({ data: {} }));
  app.post('/graphql', async () => ({ data: {} }));
  app.get('/export/:file', async (_request, reply) => reply.code(400).send({ errors: [] }));
  return app;
}

const sample = (text: string, line: string) => Number(text.split('\n').find((l) => l.startsWith(`${line} `))?.slice(line.length + 1));

describe('GET /metrics', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  it('counts requests by GraphQL operation name (or route) and status, with their latency', async () => {
    const metrics = new Metrics({ processMetrics: false });
    app = await server((a) => a.register(metricsPlugin, { metrics }));
    const boundaries = new URLSearchParams({ query: 'query MapBoundaries($level: JstLevel!) { jstFeatures(level: $level) }', variables: '{}' });
    await app.inject({ method: 'GET', url: `/graphql?${boundaries}` });
    await app.inject({ method: 'GET', url: `/graphql?${boundaries}&operationName=MapBoundaries` });
    await app.inject({ method: 'POST', url: '/graphql', payload: { query: 'mutation Rename { x }' } });
    await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ x }' } });
    await app.inject({ method: 'GET', url: '/export/partnerships.csv' });
    await app.inject({ method: 'GET', url: '/nowhere' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(res.body, 'atlas_http_requests_total{operation="MapBoundaries",status="200"}')).toBe(2);
    expect(sample(res.body, 'atlas_http_requests_total{operation="Rename",status="200"}')).toBe(1);
    expect(sample(res.body, 'atlas_http_requests_total{operation="anonymous",status="200"}')).toBe(1);
    expect(sample(res.body, 'atlas_http_requests_total{operation="GET /export/:file",status="400"}')).toBe(1);
    expect(sample(res.body, 'atlas_http_requests_total{operation="GET unmatched",status="404"}')).toBe(1);
    expect(sample(res.body, 'atlas_http_request_duration_seconds_count{operation="MapBoundaries"}')).toBe(2);
  });

  it('answers only this machine by default, not through a proxy', async () => {
    app = await server((a) => a.register(metricsPlugin, { metrics: new Metrics({ processMetrics: false }) }));
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    const remote = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const proxied = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(proxied.statusCode).toBe(403);
  });

  it('answers a scraper anywhere that sends METRICS_TOKEN, and nobody else', async () => {
    app = await server((a) => a.register(metricsPlugin, { metrics: new Metrics({ processMetrics: false }), token: 's3cret-token' }));
    const from = (authorization?: string) =>
      app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7', headers: authorization ? { authorization } : {} });
    expect((await from('Bearer s3cret-token')).statusCode).toBe(200);
    expect((await from('Bearer s3cret-tokem')).statusCode).toBe(403);
    expect((await from()).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(403); // loopback too needs it now
  });
});

describe('the proxy warning', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  it('says once, on the first request with X-Forwarded-For, that TRUSTED_PROXIES=0 ignores the proxy', async () => {
    const lines: string[] = [];
    app = await server((a) => a.register(proxyWarningPlugin, { trustedProxies: 0, log: (line) => lines.push(line) }));
    await app.inject({ method: 'GET', url: '/graphql' });
    expect(lines).toEqual([]);
    for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/graphql', headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    expect(lines).toEqual([PROXY_WARNING]);
    expect(PROXY_WARNING).toMatch(/TRUSTED_PROXIES=0.*set TRUSTED_PROXIES/);
  });

  it('stays quiet when proxies are trusted', async () => {
    const lines: string[] = [];
    app = await server((a) => a.register(proxyWarningPlugin, { trustedProxies: 1, log: (line) => lines.push(line) }));
    await app.inject({ method: 'GET', url: '/graphql', headers: { 'x-forwarded-for': '203.0.113.1' } });
    expect(lines).toEqual([]);
  });
});

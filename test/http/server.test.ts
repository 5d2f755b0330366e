import { describe, expect, it } from '@jest/globals';
import { useRunningApp } from '../support/running-app.js';

describe('HTTP server on the embedded database', () => {
  const running = useRunningApp();

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${running.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers GraphQL over POST at /graphql', async () => {
    const response = await post(JSON.stringify({ query: '{ jst(teryt: "1465011") { name kindLabel } }' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { jst: { name: 'Warszawa', kindLabel: 'miasto na prawach powiatu' } } });
  });

  it('answers GraphQL over GET, for links and caches', async () => {
    const response = await fetch(`${running.app.url}/graphql?query=${encodeURIComponent('{ jst(teryt: "02") { name } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { jst: { name: 'DOLNOŚLĄSKIE' } } });
  });

  it('lets any origin read the API (embeds, public clients)', async () => {
    const preflight = await fetch(`${running.app.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://gazeta.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const response = await post(JSON.stringify({ query: '{ programmes { code } }' }), { origin: 'https://gazeta.example' });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses a body over 1 MB with 413 and a code', async () => {
    const response = await post(JSON.stringify({ query: `{ programmes { code } } # ${'x'.repeat(1_100_000)}` }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON with 400 and a code', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
  });

  it('gives bad input a 200 with a BAD_USER_INPUT error, as GraphQL clients expect', async () => {
    const response = await post(JSON.stringify({ query: '{ jsts(first: 1000) { totalCount } }' }));
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
  });

  it('reports database reachability and counts at /health', async () => {
    const response = await fetch(`${running.app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number), database: { backend: 'pglite', reachable: true, jsts: 2873, partnerships: 70 } });
  });

  it('answers 404 with a code for an unknown route', async () => {
    const response = await fetch(`${running.app.url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'no route /nope', extensions: { code: 'NOT_FOUND' } }] });
  });
});

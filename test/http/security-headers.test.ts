import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphql, startHttp, type TestHttp } from './http-harness.js';

describe('security headers', () => {
  let http: TestHttp;
  beforeAll(async () => {
    http = await startHttp({ rateLimit: false });
  });
  afterAll(async () => {
    await http?.close();
  });

  it('gives the map at / a CSP that allows MapLibre (blob: workers, data:/blob: images) and framing by the atlas only', async () => {
    const response = await fetch(`${http.url}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'self'", "img-src 'self' data: blob:", "style-src 'self' 'unsafe-inline'", "worker-src 'self' blob:", 'child-src blob:', "connect-src 'self'", "frame-ancestors 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('lets any site frame /embed: frame-ancestors * and no X-Frame-Options', async () => {
    const response = await fetch(`${http.url}/embed`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('sends nosniff, the referrer policy and SAMEORIGIN framing with API answers', async () => {
    const response = await postGraphql(http.url, { query: '{ __typename }' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('never allows credentials cross-origin, so writes need an explicit Bearer token', async () => {
    const preflight = await fetch(`${http.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    const post = await postGraphql(http.url, { query: '{ __typename }' }, { origin: 'https://evil.example' });
    expect(post.headers.get('access-control-allow-credentials')).toBeNull();
  });

  /** Apollo's CSRF prevention is what refuses these; the body says so, so another 400 (a body Apollo cannot read) does not pass for it. */
  const expectCsrfRefusal = async (response: Response) => {
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/Cross-Site Request Forgery/), extensions: { code: 'BAD_REQUEST' } });
  };

  it('refuses a cross-origin form post that skips the preflight (CSRF)', async () => {
    const response = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: JSON.stringify({ query: 'mutation { __typename }' }),
    });
    await expectCsrfRefusal(response);
  });

  it('refuses a simple GET that a foreign page could fire (no preflight header, no JSON content type)', async () => {
    const response = await fetch(`${http.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: 'https://evil.example' } });
    await expectCsrfRefusal(response);
    const allowed = await fetch(`${http.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
  });
});

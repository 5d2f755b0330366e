import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorCodeOf, rawRequest } from './raw-request.js';
import { startHttp, tempWebRoot, type TestHttp } from './http-harness.js';

/** The map app's files through @fastify/static: HEAD, validators (304), ranges (206/416), cache rules. */
describe('static files', () => {
  let http: TestHttp;
  let root: string;
  const asset = '/assets/app-1a2b3c.js';
  beforeAll(async () => {
    root = tempWebRoot();
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, asset), `console.log(${JSON.stringify('x'.repeat(3000))});\n`);
    http = await startHttp({ rateLimit: false, web: { root } });
  });
  afterAll(async () => {
    await http?.close();
  });
  const get = (file: string, headers: Record<string, string> = {}, method = 'GET') => rawRequest(`${http.url}${file}`, headers, method);
  const size = () => readFileSync(path.join(root, asset)).length;

  it('answers HEAD with the headers of GET and no body', async () => {
    const full = await get(asset);
    const head = await get(asset, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(size()));
    for (const name of ['etag', 'last-modified', 'content-type', 'cache-control', 'accept-ranges']) expect(head.headers[name]).toBe(full.headers[name]);
    const page = await get('/embed', {}, 'HEAD');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain('frame-ancestors *');
  });

  it('keeps hashed assets a year (immutable) and has HTML revalidated', async () => {
    expect((await get(asset)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const page of ['/', '/embed']) expect((await get(page)).headers['cache-control']).toBe('no-cache');
  });

  it('answers 304 without a body to If-None-Match with the ETag, or If-Modified-Since with Last-Modified', async () => {
    const first = await get(asset);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const byTag = await get(asset, { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect((await get(asset, { 'if-modified-since': first.headers['last-modified'] as string })).status).toBe(304);
    expect((await get(asset, { 'if-none-match': '"something-else"' })).status).toBe(200);
    expect((await get('/', { 'if-none-match': (await get('/')).headers.etag as string })).status).toBe(304);
  });

  it('answers a byte range with 206 and Content-Range, and one past the end with 416 in the one error body', async () => {
    const whole = readFileSync(path.join(root, asset));
    const part = await get(asset, { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 10-19/${whole.length}`);
    expect(part.body).toEqual(whole.subarray(10, 20));
    const tail = await get(asset, { range: 'bytes=-5' });
    expect(tail.body).toEqual(whole.subarray(whole.length - 5));
    const past = await get(asset, { range: `bytes=${whole.length + 10}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${whole.length}`);
    expect(errorCodeOf(past)).toBe('RANGE_NOT_SATISFIABLE');
  });

  it('answers a missing file with 404 NOT_FOUND and never serves outside the root', async () => {
    const missing = await get('/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(errorCodeOf(missing)).toBe('NOT_FOUND');
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { repoRoot } from '../../server/config.js';
import { rawRequest, type RawResponse } from './raw-request.js';
import { startHttp, tempWebRoot, type TestHttp } from './http-harness.js';

/** The body as the client reads it once Content-Encoding is undone. */
function decoded(response: RawResponse): Buffer {
  const coding = response.headers['content-encoding'];
  return coding === 'br' ? brotliDecompressSync(response.body) : coding === 'gzip' ? gunzipSync(response.body) : response.body;
}

/** br, gzip and identity answers of one request: chosen by Accept-Encoding, each smaller than identity, all the same once decoded. */
async function expectCodings(fetchWith: (acceptEncoding?: string) => Promise<RawResponse>): Promise<void> {
  const identity = await fetchWith();
  expect(identity.status).toBe(200);
  expect(identity.headers['content-encoding']).toBeUndefined();
  for (const coding of ['br', 'gzip'] as const) {
    const compressed = await fetchWith(coding === 'br' ? 'gzip;q=0.5, br' : 'gzip');
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe(coding);
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    expect(compressed.body.length).toBeLessThan(identity.body.length / 3);
    expect(decoded(compressed)).toEqual(identity.body);
  }
  // Both accepted equally: brotli, the smaller.
  expect((await fetchWith('gzip, deflate, br')).headers['content-encoding']).toBe('br');
}

describe('compression of answers', () => {
  let http: TestHttp;
  let root: string;
  beforeAll(async () => {
    root = tempWebRoot();
    mkdirSync(path.join(root, 'assets'));
    const app = `export const names = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `gmina-${i}`))};\n`;
    writeFileSync(path.join(root, 'assets', 'app-1a2b.js'), app);
    // What `npm run web:build` runs after vite: .br and .gz beside each file.
    execFileSync(process.execPath, [path.join(repoRoot, 'web/precompress.mjs'), root], { stdio: 'ignore' });
    // Added after the build step: no precompressed copy, so compressed per request.
    writeFileSync(path.join(root, 'assets', 'late.json'), JSON.stringify({ names: Array.from({ length: 2000 }, (_, i) => `powiat-${i}`) }));
    http = await startHttp({ rateLimit: false, web: { root } });
  });
  afterAll(async () => {
    await http?.close();
  });
  const withCoding = (accept?: string): Record<string, string> => (accept ? { 'accept-encoding': accept } : {});

  it('compresses a GraphQL answer with br or gzip as the client accepts, and sends identity to others', async () => {
    const body = JSON.stringify({ query: '{ __schema { types { name description fields { name description } } } }' });
    await expectCodings((accept) => rawRequest(`${http.url}/graphql`, { 'content-type': 'application/json', ...withCoding(accept) }, 'POST', body));
  });

  it('compresses a GraphQL answer over GET too', async () => {
    const query = encodeURIComponent('{ __schema { types { name fields { name } } } }');
    await expectCodings((accept) => rawRequest(`${http.url}/graphql?query=${query}`, { 'apollo-require-preflight': 'true', ...withCoding(accept) }));
  });

  it('sends the precompressed copy of an asset, byte for byte, with the headers of the file', async () => {
    await expectCodings((accept) => rawRequest(`${http.url}/assets/app-1a2b.js`, withCoding(accept)));
    const br = await rawRequest(`${http.url}/assets/app-1a2b.js`, withCoding('br'));
    expect(br.body).toEqual(readFileSync(path.join(root, 'assets', 'app-1a2b.js.br')));
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compresses a static file that has no precompressed copy as it is sent', async () => {
    await expectCodings((accept) => rawRequest(`${http.url}/assets/late.json`, withCoding(accept)));
  });

  it('leaves small answers as they are', async () => {
    const small = await rawRequest(`${http.url}/graphql`, { 'content-type': 'application/json', 'accept-encoding': 'br' }, 'POST', JSON.stringify({ query: '{ __typename }' }));
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ data: { __typename: 'Query' } });
  });
});

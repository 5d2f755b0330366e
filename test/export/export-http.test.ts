import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { brotliDecompressSync } from 'node:zlib';
import { errorCodeOf, rawRequest } from '../http/raw-request.js';
import { useRunningApp } from '../support/running-app.js';

const run = promisify(execFile);

/** Whether GDAL's ogrinfo is installed (Debian's gdal-bin; .ci/run installs it). */
async function hasOgrinfo(): Promise<boolean> {
  return run('ogrinfo', ['--version']).then(
    () => true,
    () => false,
  );
}

/** The downloads as HTTP resources: HEAD, validators (ETag/304), byte ranges, compression, and GDAL reading them. */
describe('exports over HTTP', () => {
  const running = useRunningApp();
  const path = '/export/partnerships.geojson';
  const get = (headers: Record<string, string> = {}, method = 'GET', to = path) => rawRequest(`${running.app.url}${to}`, headers, method);

  it('answers HEAD like GET without the body (size, type, ETag, Accept-Ranges)', async () => {
    const full = await get();
    const head = await get({}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(full.body.length));
    expect(head.headers['accept-ranges']).toBe('bytes');
    for (const name of ['etag', 'content-type', 'content-disposition', 'accept-ranges']) expect(head.headers[name]).toBe(full.headers[name]);
    expect((await get({}, 'HEAD', '/export/jsts.csv')).headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('gives a strong ETag from the body, the same for the same data, and 304 to If-None-Match', async () => {
    const first = await get();
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get()).headers.etag).toBe(etag);
    expect((await get({}, 'GET', `${path}?precision=3`)).headers.etag).not.toBe(etag);
    const unchanged = await get({ 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);
    expect((await get({ 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get({ 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers one byte range with 206 and Content-Range, the same bytes as the whole body', async () => {
    const whole = (await get()).body;
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=100-', 100, whole.length - 1],
      ['bytes=-16', whole.length - 16, whole.length - 1],
    ] as const) {
      const part = await get({ range, 'accept-encoding': 'br, gzip' });
      expect(part.status).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes ${start}-${end}/${whole.length}`);
      expect(part.headers['content-encoding']).toBeUndefined();
      expect(part.body).toEqual(whole.subarray(start, end + 1));
    }
    // A stale If-Range: the whole, current body.
    expect((await get({ range: 'bytes=0-9', 'if-range': '"stale"' })).status).toBe(200);
  });

  it('refuses a range past the end with 416, Content-Range and the one error body', async () => {
    const size = (await get()).body.length;
    const refused = await get({ range: `bytes=${size}-` });
    expect(refused.status).toBe(416);
    expect(refused.headers['content-range']).toBe(`bytes */${size}`);
    expect(errorCodeOf(refused)).toBe('RANGE_NOT_SATISFIABLE');
  });

  it('compresses a download for clients that accept it, with its own ETag that still revalidates', async () => {
    const identity = await get();
    const br = await get({ 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(identity.body.length / 2);
    expect(brotliDecompressSync(br.body)).toEqual(identity.body);
    expect(br.headers.etag).toBe(`${(identity.headers.etag as string).slice(0, -1)}-br"`);
    expect((await get({ 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string })).status).toBe(304);
  });

  // Today's download holds the partnerships running today, as the API lists them for today's date.
  it('can be read by GDAL through /vsicurl/ (ogrinfo), with as many features as the API lists', async () => {
    if (!(await hasOgrinfo())) {
      console.warn('SKIPPED: ogrinfo (Debian gdal-bin) is not installed, so GDAL cannot be tried on the export');
      return;
    }
    const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', `/vsicurl/${running.app.url}${path}`]);
    const count = Number(/Feature Count: (\d+)/.exec(stdout)?.[1]);
    const api = await fetch(`${running.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ partnerships(asOf: "${new Date().toISOString().slice(0, 10)}") { totalCount } }` }) });
    const { data } = (await api.json()) as { data: { partnerships: { totalCount: number } } };
    expect(data.partnerships.totalCount).toBeGreaterThan(0);
    expect(count).toBe(data.partnerships.totalCount);
  });
});

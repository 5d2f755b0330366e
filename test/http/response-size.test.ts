import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphql, startHttp, type TestHttp } from './http-harness.js';

/** The cap on an answer's size: introspection answers need no data, so the real server runs on the stand-in database. */
describe('response size cap over HTTP', () => {
  const query = '{ __schema { types { name fields { name } } } }';
  let http: TestHttp;
  let fullBytes: number;
  beforeAll(async () => {
    const open = await startHttp({ rateLimit: false });
    fullBytes = Buffer.byteLength(await (await postGraphql(open.url, { query })).text());
    await open.close();
    http = await startHttp({ rateLimit: false, maxResponseBytes: fullBytes - 1 });
  });
  afterAll(async () => {
    await http?.close();
  });

  it('refuses an answer one byte over the cap whole, with RESPONSE_TOO_LARGE, its size and the limit', async () => {
    const response = await postGraphql(http.url, { query });
    expect(response.status).toBe(400);
    const text = await response.text();
    // nothing of the answer itself: only the refusal, complete JSON
    expect(text).not.toContain('__Schema');
    const body = JSON.parse(text) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions).toEqual({ code: 'RESPONSE_TOO_LARGE', bytes: fullBytes, limit: fullBytes - 1 });
    expect(body.errors[0]!.message).toMatch(new RegExp(`would be ${fullBytes} bytes; the limit is ${fullBytes - 1}`));
  });

  it('sends an answer within the cap as it is', async () => {
    const response = await postGraphql(http.url, { query: '{ __schema { queryType { name } } }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rawRequest, type RawResponse } from './raw-request.js';
import { startHttp, type TestHttp } from './http-harness.js';

interface ErrorBody {
  errors: { message: string; extensions: { code: string; reason?: string } }[];
}

/** The status and the one error body (docs/errors.md) of a refusal, checked to be exactly that shape. */
function refusal(response: RawResponse): { status: number; code: string; reason?: string; message: string } {
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(response.body.toString()) as ErrorBody;
  expect(Object.keys(body)).toEqual(['errors']);
  const [error] = body.errors;
  return { status: response.status, code: error!.extensions.code, reason: error!.extensions.reason, message: error!.message };
}

/** Refusals that Fastify itself raises (body parsing, limits, routing) come out in our shape and codes. */
describe("Fastify's own refusals in the one error body", () => {
  let http: TestHttp;
  beforeAll(async () => {
    http = await startHttp({ rateLimit: false, maxBodyBytes: 2_000 });
  });
  afterAll(async () => {
    await http?.close();
  });
  const post = (body: string, type = 'application/json') => rawRequest(`${http.url}/graphql`, { 'content-type': type }, 'POST', body);

  it('answers a body that is not JSON with 400 BAD_REQUEST', async () => {
    expect(refusal(await post('{"query": '))).toEqual({ status: 400, code: 'BAD_REQUEST', message: 'request body is not valid JSON' });
    expect(refusal(await post(''))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE and closes the connection', async () => {
    const response = await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(3_000)}` }));
    expect(refusal(response)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/limit of 2000 bytes/) });
    expect(response.headers.connection).toBe('close');
  });

  it('answers a batch (a JSON array) with 400 BAD_REQUEST, reason BATCHING_NOT_SUPPORTED', async () => {
    expect(refusal(await post('[{"query":"{ __typename }"},{"query":"{ __typename }"}]'))).toMatchObject({ status: 400, code: 'BAD_REQUEST', reason: 'BATCHING_NOT_SUPPORTED' });
  });

  it('answers an unknown path, or a method no route takes, with 404 NOT_FOUND', async () => {
    expect(refusal(await rawRequest(`${http.url}/nope?x=1`))).toEqual({ status: 404, code: 'NOT_FOUND', message: 'no route /nope' });
    expect(refusal(await rawRequest(`${http.url}/health`, {}, 'DELETE'))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('answers a path the router cannot decode with 400 BAD_REQUEST, reason MALFORMED_PATH', async () => {
    for (const path of ['/%E0%A4%A', '/graphql%00', '/assets/%ff.js']) {
      expect(refusal(await rawRequest(`${http.url}${path}`))).toMatchObject({ status: 400, code: 'BAD_REQUEST', reason: 'MALFORMED_PATH' });
    }
  });

  it('leaves other methods on /graphql to Apollo: 405 with BAD_REQUEST', async () => {
    expect(refusal(await rawRequest(`${http.url}/graphql`, { 'content-type': 'application/json' }, 'PUT', '{"query":"{ __typename }"}'))).toMatchObject({ status: 405, code: 'BAD_REQUEST' });
  });
});

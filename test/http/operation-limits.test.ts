import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphql, startHttp, type TestHttp } from './http-harness.js';

/** Each limit refuses before anything runs, so these need no data: the real schema, Apollo and HTTP server. */
describe('operation limits over HTTP', () => {
  let http: TestHttp;
  beforeAll(async () => {
    http = await startHttp({ rateLimit: false });
  });
  afterAll(async () => {
    await http?.close();
  });

  const refusal = async (body: unknown) => {
    const response = await postGraphql(http.url, body);
    const json = (await response.json()) as any;
    return { status: response.status, error: json.errors?.[0], data: json.data };
  };

  it('refuses a query nested deeper than 10 levels with QUERY_TOO_DEEP and the limit in the message', async () => {
    const deep = '{ partnerships { edges { node { members { jst { memberships { partnership { members { jst { memberships { role } } } } } } } } } } }';
    const { status, error } = await refusal({ query: deep });
    expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP' });
    expect(error.message).toMatch(/the limit is 10/);
  });

  it('refuses a query whose estimated cost is over 50,000 with QUERY_TOO_COSTLY, the cost and the limit', async () => {
    const costly = '{ partnerships(first: 200) { edges { node { members { jst { memberships { partnership { slug } } } } } } } }';
    const { status, error } = await refusal({ query: costly });
    expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', limit: 50_000 });
    expect(error.extensions.cost).toBeGreaterThan(50_000);
    expect(error.message).toMatch(/the limit is 50000/);
  });

  it('refuses 30 aliases of every gmina at 15 decimals by what they would send, before anything runs', async () => {
    const attack = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: jstFeatures(level: MUNICIPALITY, precision: 15)`).join(' ')} }`;
    const { status, error, data } = await refusal({ query: attack });
    expect(status).toBe(400);
    expect(data).toBeUndefined();
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', limit: 50_000 });
    expect(error.extensions.cost).toBeGreaterThan(30 * 30_000);
    expect(error.message).toMatch(new RegExp(`costs an estimated ${error.extensions.cost} points; the limit is 50000`));
  });

  it('refuses more than 7 decimals with BAD_USER_INPUT on precision', async () => {
    const { error } = await refusal({ query: '{ jstFeatures(level: VOIVODESHIP, precision: 8) }' });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'precision' });
    expect(error.message).toMatch(/from 0 to 7/);
  });

  it('counts a page size sent as a variable at its value', async () => {
    const query = 'query($n: Int) { partnerships(first: $n) { edges { node { members { jst { memberships { role } } } } } } }';
    expect((await refusal({ query, variables: { n: 200 } })).error.extensions.reason).toBe('QUERY_TOO_COSTLY');
    // 1 + 1 + 1 × (1 + 1 + 50 × (1 + 1 + 50 × 1)) passes the cost check and fails later, on the stand-in database
    expect((await refusal({ query, variables: { n: 1 } })).error?.extensions?.reason).not.toBe('QUERY_TOO_COSTLY');
  });

  // The estimate is remembered per parsed operation and variables: a repeated document must still be judged by the variables sent with it.
  it('judges the same document again by the variables of each request, however often it is sent', async () => {
    const query = 'query($n: Int) { partnerships(first: $n) { edges { node { members { jst { memberships { role } } } } } } }';
    const reasons: unknown[] = [];
    for (const n of [1, 200, 1, 200, 200, 1]) reasons.push((await refusal({ query, variables: { n } })).error?.extensions?.reason === 'QUERY_TOO_COSTLY');
    expect(reasons).toEqual([false, true, false, true, true, false]);
  });

  // The literal scan is remembered per parsed document: a repeated refusal stays a refusal, a clean document stays clean.
  it('refuses a control character in a literal every time the same document comes, and only there', async () => {
    const bad = { query: '{ __type(name: "a\\u0000b") { name } }' };
    const clean = { query: 'query($t: String!) { __type(name: $t) { name } }' };
    for (let round = 0; round < 3; round++) {
      expect((await refusal(bad)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTROL_CHARACTER', field: 'name' });
      expect((await refusal({ ...clean, variables: { t: 'a\u0001b' } })).error.extensions).toMatchObject({ reason: 'CONTROL_CHARACTER', field: '$t' });
      expect((await refusal({ ...clean, variables: { t: 'ab' } })).error?.extensions?.reason).not.toBe('CONTROL_CHARACTER');
    }
  });

  it('refuses more than 30 aliases with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    const { status, error } = await refusal({ query: `{ ${aliases} }` });
    expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES', limit: 30 });
    expect(error.message).toMatch(/31 aliases; the limit is 30/);
  });

  it('counts the aliases inside fragments where they are spread', async () => {
    const fragment = `fragment F on Query { ${Array.from({ length: 16 }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    const { error } = await refusal({ query: `{ ...F x: programmes { code } ... on Query { ...F } } ${fragment}` });
    expect(error.extensions.reason).toBe('TOO_MANY_ALIASES');
  });

  it('refuses a document of more than 5,000 tokens with TOO_MANY_TOKENS, before parsing it all', async () => {
    const { status, error } = await refusal({ query: `{ ${'__typename '.repeat(5_001)} }` });
    expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_TOKENS', limit: 5_000 });
    expect(error.message).toBe('query has more than 5000 tokens; the limit is 5000');
  });

  it('answers a batch (a JSON array of operations) with 400 BAD_REQUEST, reason BATCHING_NOT_SUPPORTED', async () => {
    const { status, error } = await refusal([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(status).toBe(400);
    expect(error.extensions).toEqual({ code: 'BAD_REQUEST', reason: 'BATCHING_NOT_SUPPORTED' });
    expect(error.message).toMatch(/one operation per request/);
  });

  it('still answers a small query within every limit', async () => {
    const response = await postGraphql(http.url, { query: 'query Small { __typename a: __typename }' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query', a: 'Query' } });
  });

  it('takes its limits from options: a smaller alias limit refuses sooner', async () => {
    const strict = await startHttp({ rateLimit: false }, { limits: { aliases: { maxAliases: 1 } } });
    try {
      const response = await postGraphql(strict.url, { query: '{ a: __typename b: __typename }' });
      expect(((await response.json()) as any).errors[0].extensions.reason).toBe('TOO_MANY_ALIASES');
    } finally {
      await strict.close();
    }
  });
});

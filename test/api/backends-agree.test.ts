import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openSeededDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { exampleQueries } from '../support/examples.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';

/**
 * Geometry output may differ in the last vertex between GEOS builds (PGlite's WASM vs the
 * server's), and floating sums in the last digits: compare shapes by type and numbers to 6 significant digits.
 */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'number') return Number(value.toPrecision(6));
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (typeof object.type === 'string' && 'coordinates' in object) return { type: object.type };
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

const backends = testBackends();
const both = backends.length === 2;
if (!both) console.log('[atlas] backends-agree: SKIPPED, TEST_DATABASE_URL is not set (the embedded database alone has nothing to agree with)');

(both ? describe : describe.skip)('the embedded and the server backend answer alike', () => {
  let dbs: TestDatabase[];
  let apis: GraphqlClient[];
  beforeAll(async () => {
    dbs = await Promise.all(backends.map((b) => openSeededDatabase(b.database)));
    apis = await Promise.all(dbs.map((db) => graphqlClient(db.orm)));
  });
  afterAll(async () => {
    await Promise.all((apis ?? []).map((a) => a.stop()));
    await Promise.all((dbs ?? []).map((d) => d.dispose()));
  });

  it.each(exampleQueries())('gives the same answer to $name', async ({ query }) => {
    const [embedded, server] = await Promise.all(apis.map((api) => api.run(query)));
    expect(embedded!.errors).toBeUndefined();
    expect(normalise(embedded!.data)).toEqual(normalise(server!.data));
  });

  it('gives the same answer to the same bad input', async () => {
    const [embedded, server] = await Promise.all(apis.map((api) => api.run(`{ jst(teryt: "02999a9") { name } }`)));
    expect(embedded!.errors).toEqual(server!.errors);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getOperationAST, parse } from 'graphql';
import { buildAppSchema } from '../../server/graphql/schema.js';
import { DEFAULT_OPERATION_LIMITS, operationCost } from '../../server/graphql/limits/index.js';
import { areaGeometryBytes, jstFeaturesBytes, jstGeometryBytes, type Level } from '../../server/graphql/limits/geometry-cost.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../server/http/server.js';
import { openSeededDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';
import { HEAVY_READ } from '../bench/load/heavy.js';

/**
 * The byte estimates behind the cost of geometry fields, checked against what the API really sends
 * for the boundaries every install imports. A new boundary source that the figures in
 * server/graphql/limits/geometry-cost.ts no longer fit fails here.
 */
describe.each(testBackends())('geometry byte estimates against real answers on $name', (backend) => {
  let db: TestDatabase;
  let api: GraphqlClient;
  beforeAll(async () => {
    db = await openSeededDatabase(backend.database);
    api = await graphqlClient(db.orm);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.dispose();
  });

  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  /** Within a factor of 1.5 either way; a plain sum of what the API answered against the estimate. */
  const near = (actual: number, estimate: number) => {
    expect(actual / estimate).toBeGreaterThan(1 / 1.5);
    expect(actual / estimate).toBeLessThan(1.5);
  };

  it.each<[Level, string | null, number, number]>([
    ['MUNICIPALITY', null, 0, 7],
    ['MUNICIPALITY', null, 0.01, 3],
    ['MUNICIPALITY', '14', 0.001, 4],
    ['COUNTY', null, 0.005, 5],
    ['VOIVODESHIP', null, 0, 6],
  ])('jstFeatures(level: %s, voivodeship: %s, simplify: %s, precision: %s)', async (level, voivodeship, simplify, precision) => {
    const data = await api.data(`query($l: JstLevel!, $v: String, $s: Float, $p: Int) { jstFeatures(level: $l, voivodeship: $v, simplify: $s, precision: $p) }`, {
      l: level,
      v: voivodeship,
      s: simplify,
      p: precision,
    });
    near(bytes(data.jstFeatures), jstFeaturesBytes(level, voivodeship !== null, { simplify, precision }));
  });

  it('builds every unit of a level in batches: all 2,477 gminy, once each, in TERYT order', async () => {
    const { jstFeatures } = await api.data('{ jstFeatures(level: MUNICIPALITY, simplify: 0.05, precision: 1) }');
    const ids = (jstFeatures.features as { id: string }[]).map((f) => f.id);
    expect(ids).toHaveLength(2_477);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it('estimates a functional area and a JST boundary at or above what they send on average', async () => {
    const areas = await api.data('{ partnerships(first: 200) { edges { node { functionalArea { geometry(precision: 6) } } } } }');
    const shapes = (areas.partnerships.edges as { node: { functionalArea: { geometry: unknown } | null } }[]).map((e) => e.node.functionalArea?.geometry).filter(Boolean);
    const perArea = bytes(shapes) / shapes.length;
    expect(perArea).toBeLessThanOrEqual(areaGeometryBytes({ simplify: 0, precision: 6 }));
    near(perArea, areaGeometryBytes({ simplify: 0, precision: 6 }));
    const counties = await api.data('{ jsts(filter: { level: COUNTY }, first: 200) { edges { node { geometry(precision: 6) } } } }');
    const perJst = bytes(counties.jsts.edges.map((e: { node: { geometry: unknown } }) => e.node.geometry)) / counties.jsts.edges.length;
    expect(perJst).toBeLessThanOrEqual(jstGeometryBytes({ simplify: 0, precision: 6 }));
  });

  it('answers the heaviest read of bench:load within the cost limit and under the response cap', async () => {
    const document = parse(HEAVY_READ);
    const cost = operationCost(await buildAppSchema(), document, getOperationAST(document)!, {}, DEFAULT_OPERATION_LIMITS.cost);
    expect(cost).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.cost.maxCost);
    const result = await api.run(HEAVY_READ);
    expect(result.errors).toBeUndefined();
    expect(bytes(result)).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES);
    near(bytes(result), cost * 100);
  });
});

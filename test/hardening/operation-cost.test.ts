import { describe, expect, it } from '@jest/globals';
import { getOperationAST, parse, validate, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../server/graphql/schema.js';
import { aliasLimit, depthLimit, DEFAULT_OPERATION_LIMITS, operationCost } from '../../server/graphql/limits/index.js';
import { exampleQueries } from '../support/examples.js';

const { maxCost } = DEFAULT_OPERATION_LIMITS.cost;

async function costOf(query: string, variables: Record<string, unknown> = {}, schema?: GraphQLSchema): Promise<number> {
  const document = parse(query);
  return operationCost(schema ?? (await buildAppSchema()), document, getOperationAST(document)!, variables, DEFAULT_OPERATION_LIMITS.cost);
}

/** The map's own queries (web/src/api/queries.ts), as it sends them. */
const MAP_QUERIES = {
  partnerships: `query($after: String, $simplify: Float, $precision: Int) {
    partnerships(first: 200, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { slug name shortName legalForm areaType
        participations { status probable programme { code } }
        functionalArea { areaKm2 memberCount bbox geometry(simplify: $simplify, precision: $precision) } } } } }`,
  search: `query($text: String!) {
    jsts(filter: { search: $text }, first: 100) { edges { node { teryt name kindLabel level bbox voivodeship { name } } } }
    partnerships(filter: { search: $text }, first: 50) { edges { node { slug name shortName functionalArea { bbox } } } } }`,
  jst: `query($teryt: String!) { jst(teryt: $teryt) {
    teryt name kindLabel level bbox
    parent { teryt name kindLabel memberships { role partnership { slug name participations { status phase competition probable programme { code name nameEn } } } } }
    voivodeship { teryt name kindLabel }
    memberships { role partnership { slug name participations { status phase competition probable programme { code name nameEn } } } } } }`,
};

describe('operation cost estimate', () => {
  it('counts each field 1 and multiplies what is under a connection by its page size', async () => {
    expect(await costOf('{ partnerships(first: 200) { edges { node { members { jst { teryt name } } } } } }')).toBe(30_402);
  });

  it('uses a page of 50 for a connection or list without first', async () => {
    expect(await costOf('{ partnerships { totalCount edges { node { slug } } } }')).toBe(1 + 1 + 1 + 50 * 2);
  });

  it('counts first sent as a variable at the value sent, and at the default page size when none is sent', async () => {
    const query = 'query($n: Int) { jsts(first: $n) { edges { node { teryt } } } }';
    expect(await costOf(query, { n: 200 })).toBe(1 + 1 + 200 * 2);
    expect(await costOf(query)).toBe(1 + 1 + 50 * 2);
  });

  it.each(exampleQueries().map((e) => [e.name, e.query]))('keeps the documented example %s within the budget', async (_name, query) => {
    expect(await costOf(query)).toBeLessThanOrEqual(maxCost);
  });

  it('keeps the map\'s full boundary query within the budget', async () => {
    expect(await costOf('{ jstFeatures(level: MUNICIPALITY, simplify: 0.005, precision: 4) }')).toBeLessThanOrEqual(maxCost);
  });

  it.each(Object.entries(MAP_QUERIES))('keeps the map\'s %s query within the budget', async (_name, query) => {
    expect(await costOf(query, { after: null, simplify: 0.001, precision: 5, text: 'kra', teryt: '1201011' })).toBeLessThanOrEqual(maxCost);
  });

  it('prices a members → memberships → members walk far over the budget', async () => {
    expect(await costOf('{ partnerships(first: 200) { edges { node { members { jst { memberships { partnership { members { role } } } } } } } } }')).toBeGreaterThan(maxCost * 10);
  });

  it('stays fast on fragments that spread each other twice, 40 levels down', async () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ${i === 39 ? '__typename' : `...F${i + 1} ... on Query { ...F${i + 1} }`} }`).join('\n');
    const schema = await buildAppSchema();
    const document = parse(`{ ...F0 } ${fragments}`);
    const started = performance.now();
    operationCost(schema, document, getOperationAST(document)!, {}, DEFAULT_OPERATION_LIMITS.cost);
    validate(schema, document, [depthLimit(DEFAULT_OPERATION_LIMITS.depth), aliasLimit(DEFAULT_OPERATION_LIMITS.aliases)]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

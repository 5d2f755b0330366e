import { describe, expect, it } from '@jest/globals';
import { getOperationAST, parse, validate, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../server/graphql/schema.js';
import { aliasLimit, depthLimit, DEFAULT_OPERATION_LIMITS, operationCost, operationWeight } from '../../server/graphql/limits/index.js';
import { exampleQueries } from '../support/examples.js';
import { MAP_QUERIES } from '../../web/src/api/queries.js';

const { maxCost } = DEFAULT_OPERATION_LIMITS.cost;

async function costOf(query: string, variables: Record<string, unknown> = {}, schema?: GraphQLSchema): Promise<number> {
  const document = parse(query);
  return operationCost(schema ?? (await buildAppSchema()), document, getOperationAST(document)!, variables, DEFAULT_OPERATION_LIMITS.cost);
}

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

  /** A whole layer of boundaries, as the map asked for them before it drew from /tiles, at its old coarse shape. */
  const BOUNDARIES = 'query Boundaries($level: JstLevel!, $simplify: Float, $precision: Int) { jstFeatures(level: $level, simplify: $simplify, precision: $precision) }';
  const COARSE = { simplify: 0.01, precision: 3 };
  // The variables the map sends (web/src/app/*.ts, web/src/api/queries.ts).
  const mapCalls: [string, string, Record<string, unknown>][] = [
    ['partnerships', MAP_QUERIES.partnerships, { after: null }],
    ['voivodeships', MAP_QUERIES.voivodeships, {}],
    ['partnerships in a województwo', MAP_QUERIES.inVoivodeship, { voivodeship: '14', after: null }],
    ['programmes', MAP_QUERIES.programmes, {}],
    ['partnership', MAP_QUERIES.partnership, { slug: 'blisko-krakowa' }],
    ['jst', MAP_QUERIES.jst, { teryt: '1201011' }],
    ['coverage', MAP_QUERIES.coverage, { programme: null, voivodeship: null, statuses: null, legalForms: null, areaTypes: null }],
    ['coverage, every filter', MAP_QUERIES.coverage, { programme: 'CWD-PLUS', voivodeship: '12', statuses: ['GRANTEE'], legalForms: ['LAG', 'AGREEMENT'], areaTypes: ['MOF'] }],
    ['search', MAP_QUERIES.search, { text: 'kra' }],
  ];
  it.each(mapCalls)('keeps the map\'s own query (web/src/api/queries.ts) %s within the budget', async (_name, query, variables) => {
    expect(await costOf(query, variables)).toBeLessThanOrEqual(maxCost);
  });

  it('prices boundaries by the bytes they send: features × vertices kept × bytes per decimal', async () => {
    const layer = (args: string) => costOf(`{ jstFeatures(${args}) }`);
    // 2,477 gminy × (200 + 28.2 vertices × 25 bytes) / 100 bytes a point = 22,416.85, rounded up
    expect(await layer('level: MUNICIPALITY, precision: 7')).toBe(22_417);
    expect(await layer('level: MUNICIPALITY, precision: 7')).toBeGreaterThan(await layer('level: MUNICIPALITY, precision: 3'));
    expect(await layer('level: MUNICIPALITY, precision: 7')).toBeGreaterThan(await layer('level: MUNICIPALITY, precision: 7, simplify: 0.01'));
    expect(await layer('level: MUNICIPALITY')).toBeGreaterThan(await layer('level: COUNTY'));
    expect(await layer('level: COUNTY')).toBeGreaterThan(await layer('level: VOIVODESHIP'));
    expect(await layer('level: MUNICIPALITY, voivodeship: "14"')).toBeLessThan(await layer('level: MUNICIPALITY') / 5);
    // a geometry under a list counts once per item
    const areas = (first: number) => costOf(`{ partnerships(first: ${first}) { edges { node { functionalArea { geometry(precision: 7) } } } } }`);
    // 100 more items × (node 1 + functionalArea 1 + geometry 120 vertices × 25 bytes / 100)
    expect((await areas(200)) - (await areas(100))).toBe(100 * (1 + 1 + 30));
  });

  it('reads the level, simplify and precision from variables, and their defaults', async () => {
    const query = 'query($l: JstLevel!, $p: Int = 7) { jstFeatures(level: $l, precision: $p) }';
    expect(await costOf(query, { l: 'MUNICIPALITY' })).toBe(await costOf('{ jstFeatures(level: MUNICIPALITY, precision: 7) }'));
    expect(await costOf(query, { l: 'VOIVODESHIP', p: 2 })).toBe(await costOf('{ jstFeatures(level: VOIVODESHIP, precision: 2) }'));
  });

  it('prices the attack of 30 aliases of a whole-country layer at 15 decimals at about 30 times the budget', async () => {
    const attack = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: jstFeatures(level: MUNICIPALITY, precision: 15)`).join(' ')} }`;
    expect(await costOf(attack)).toBeGreaterThan(maxCost * 15);
    // two whole-country layers at 7 decimals fit, three do not
    const layers = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: jstFeatures(level: MUNICIPALITY, precision: 7)`).join(' ')} }`;
    expect(await costOf(layers(2))).toBeLessThanOrEqual(maxCost);
    expect(await costOf(layers(3))).toBeGreaterThan(maxCost);
  });

  it('weighs only the geometry for the heavy gate: many plain fields are light, every gmina is heavy', async () => {
    const { threshold } = DEFAULT_OPERATION_LIMITS.heavy;
    const weight = async (query: string, variables: Record<string, unknown> = {}) => {
      const document = parse(query);
      return operationWeight(await buildAppSchema(), document, getOperationAST(document)!, variables, DEFAULT_OPERATION_LIMITS.cost);
    };
    const members = '{ partnerships(first: 50) { edges { node { slug members { role jst { teryt name } } } } } }';
    expect(await costOf(members)).toBeGreaterThan(threshold);
    expect(await weight(members)).toBe(0);
    expect(await weight(BOUNDARIES, { level: 'MUNICIPALITY', ...COARSE })).toBeGreaterThanOrEqual(threshold);
    expect(await weight(BOUNDARIES, { level: 'COUNTY', ...COARSE })).toBeLessThan(threshold);
    expect(await weight(MAP_QUERIES.partnerships, { after: null })).toBeLessThan(threshold);
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

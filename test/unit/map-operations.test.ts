import { describe, expect, it } from '@jest/globals';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { isMapBoundaryRead, MAP_BOUNDARIES_QUERY } from '../../server/http/map-boundary-read.js';
import { MAP_QUERIES } from '../../web/src/api/queries.js';

const operations = Object.entries(MAP_QUERIES).map(([key, text]) => {
  const definitions = parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return { key, definitions, name: definitions[0]?.name?.value };
});

const url = (variables: Record<string, unknown>, query: string = MAP_QUERIES.jstFeatures, extra: Record<string, string> = { operationName: 'MapBoundaries' }) =>
  `/graphql?${new URLSearchParams({ query, variables: JSON.stringify(variables), ...extra })}`;

describe("the map's operations", () => {
  it('each has a name of its own starting with "Map", one operation per document', () => {
    for (const op of operations) {
      expect([op.key, op.definitions.length, op.name]).toEqual([op.key, 1, expect.stringMatching(/^Map[A-Z]\w+$/)]);
    }
    expect(new Set(operations.map((o) => o.name)).size).toBe(operations.length);
  });

  it("the server's copy of the boundary query is the map's", () => {
    expect(MAP_BOUNDARIES_QUERY).toBe(MAP_QUERIES.jstFeatures);
  });
});

describe('recognising the map\'s boundary reads (exempt from the rate limit)', () => {
  it.each([
    ['a coarse layer', { level: 'MUNICIPALITY', simplify: 0.01, precision: 3 }],
    ['powiaty', { level: 'COUNTY', simplify: 0.01, precision: 3 }],
    ['fine gminy of one województwo', { level: 'MUNICIPALITY', simplify: 0.001, precision: 4, voivodeship: '14' }],
  ])('recognises %s', (_what, variables) => {
    expect(isMapBoundaryRead('GET', url(variables), undefined)).toBe(true);
  });

  it.each([
    ['a POST', 'POST', url({ level: 'COUNTY', simplify: 0.01, precision: 3 }), undefined],
    ['a request with a token', 'GET', url({ level: 'COUNTY', simplify: 0.01, precision: 3 }), 'Bearer x'],
    ['another path', 'GET', url({ level: 'COUNTY', simplify: 0.01, precision: 3 }).replace('/graphql', '/graphq'), undefined],
    ['the name on another document', 'GET', url({ level: 'COUNTY', simplify: 0.01, precision: 3 }, 'query MapBoundaries { coverage { gminyCovered } }'), undefined],
    ['another operation name', 'GET', url({ level: 'COUNTY', simplify: 0.01, precision: 3 }, MAP_QUERIES.jstFeatures, { operationName: 'X' }), undefined],
    ['a shape the map never asks for', 'GET', url({ level: 'COUNTY', simplify: 0.0001, precision: 7 }), undefined],
    ['an unknown level', 'GET', url({ level: 'WORLD', simplify: 0.01, precision: 3 }), undefined],
    ['a bad województwo', 'GET', url({ level: 'COUNTY', simplify: 0.01, precision: 3, voivodeship: '13' }), undefined],
    ['an extra variable', 'GET', url({ level: 'COUNTY', simplify: 0.01, precision: 3, x: 1 }), undefined],
    ['variables that are not JSON', 'GET', url({}).replace(/variables=[^&]*/, 'variables=%7B'), undefined],
  ])('does not recognise %s', (_what, method, target, authorization) => {
    expect(isMapBoundaryRead(method as string, target as string, authorization as string | undefined)).toBe(false);
  });
});

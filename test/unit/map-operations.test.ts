import { describe, expect, it } from '@jest/globals';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { MAP_QUERIES } from '../../web/src/api/queries.js';

const operations = Object.entries(MAP_QUERIES).map(([key, text]) => {
  const definitions = parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return { key, definitions, name: definitions[0]?.name?.value };
});

describe("the map's operations", () => {
  it('each has a name of its own starting with "Map", one operation per document', () => {
    for (const op of operations) {
      expect([op.key, op.definitions.length, op.name]).toEqual([op.key, 1, expect.stringMatching(/^Map[A-Z]\w+$/)]);
    }
    expect(new Set(operations.map((o) => o.name)).size).toBe(operations.length);
  });
});

import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'type-graphql';
import { entities } from '../../server/db/entities.js';
import { buildAppSchema } from '../../server/graphql/schema.js';

/**
 * type-graphql copies a `@Root()` that is not an instance of the parameter's class into a new
 * instance, per row per field; for an entity class that builds a MikroORM entity (Collections and
 * all) for each plain list row, which cost more than the rest of a 50-partnership list. Roots of
 * entity types are therefore typed `RootOf<T>` (server/graphql/root.ts), which reaches type-graphql
 * as no type at all, and the row is handed over as it is.
 */
describe('field resolver roots', () => {
  it('no @Root() parameter has an entity class as its type', async () => {
    await buildAppSchema();
    const roots = getMetadataStorage().params.filter((p) => p.kind === 'root');
    expect(roots.length).toBeGreaterThan(20);
    const converted = roots
      .filter((p) => p.kind === 'root' && p.getType !== undefined && (entities as unknown[]).includes(p.getType()))
      .map((p) => `${p.target.name}.${p.methodName}`);
    expect(converted).toEqual([]);
  });
});

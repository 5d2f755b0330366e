import { afterAll, beforeAll } from '@jest/globals';
import type { DatabaseConfig } from '../../server/config.js';
import { openSeededDatabase, type TestDatabase } from './database.js';
import { graphqlClient, type GraphqlClient } from './graphql.js';

export interface SeededApi {
  db: TestDatabase;
  api: GraphqlClient;
}

/**
 * Registers hooks that give the enclosing `describe` one seeded database and an in-process API
 * (a PGlite start costs seconds: one per file, not per test). Read the fields inside tests.
 */
export function useSeededApi(database: DatabaseConfig, opts: { onQuery?: (sql: string) => void } = {}): SeededApi {
  const context = {} as SeededApi;
  beforeAll(async () => {
    context.db = await openSeededDatabase(database, opts);
    context.api = await graphqlClient(context.db.orm);
  });
  afterAll(async () => {
    await context.api?.stop();
    await context.db?.dispose();
  });
  return context;
}

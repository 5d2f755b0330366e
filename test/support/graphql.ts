import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { createApollo } from '../../server/graphql/apollo.js';
import { createContext, type Context } from '../../server/graphql/context.js';
import type { Orm } from '../../server/db/orm.js';
import { stringifyYielding } from '../../server/graphql/stringify.js';
import type { ReadCache } from '../../server/dataset/read-cache.js';

export interface GraphqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface GraphqlClient {
  /** Runs one operation; `token` is sent as `Authorization: Bearer <token>`. */
  run<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResult<T>>;
  /** Runs and fails the test on any error. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  stop(): Promise<void>;
}

/** Executes operations in-process through the real schema, with a forked EntityManager per operation, as the server does. */
export async function graphqlClient(orm: Orm, options: { readCache?: ReadCache } = {}): Promise<GraphqlClient> {
  const apollo: ApolloServer<Context> = await createApollo({ production: false });
  const run = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResult<T>> => {
    const contextValue = createContext(orm.em as never, token ? `Bearer ${token}` : undefined, options.readCache);
    const response = await apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not expected');
    // Read back through the server's own writer, as a client reads the wire (geometry text included).
    return JSON.parse(await stringifyYielding(response.body.singleResult)) as GraphqlResult<T>;
  };
  return {
    run,
    async data<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const result = await run<T>(query, variables, token);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data as T;
    },
    stop: () => apollo.stop(),
  };
}

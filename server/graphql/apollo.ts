import { ApolloServer } from '@apollo/server';
import type { Context } from './context.js';
import { depthLimit } from './depth-limit.js';
import { formatError } from './errors.js';
import { buildAppSchema } from './schema.js';

export interface ApolloOptions {
  production: boolean;
  /** Deepest field nesting an operation may have. */
  maxDepth?: number;
}

export async function createApollo(options: ApolloOptions): Promise<ApolloServer<Context>> {
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    formatError: formatError(options.production),
    validationRules: [depthLimit(options.maxDepth ?? 10)],
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    // Reads are public and embeds call from any origin; CSRF protection still blocks simple-request posts.
    csrfPrevention: true,
  });
  await apollo.start();
  return apollo;
}

import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { requestLogPlugin } from '../http/request-log.js';
import type { Context } from './context.js';
import { formatError } from './errors.js';
import { controlCharacterPlugin, noSubscriptions } from './input-guard.js';
import { jsonStatusPlugin } from './json-status-plugin.js';
import { aliasLimit, costLimitPlugin, depthLimit, HeavyGate, operationLimits, type OperationLimitOverrides } from './limits/index.js';
import { buildAppSchema } from './schema.js';
import { stringifyYielding } from './stringify.js';
import { serviceUnavailablePlugin } from './unavailable-plugin.js';

export interface ApolloOptions {
  production: boolean;
  /** Deepest field nesting an operation may have (shorthand for `limits.depth.maxDepth`). */
  maxDepth?: number;
  /** Depth, cost, alias and token limits; the defaults (server/graphql/limits/index.ts) apply to what is left out. */
  limits?: OperationLimitOverrides;
  plugins?: ApolloServerPlugin<Context>[];
  /** The gate heavy operations pass through; by default one of this server's own, from `limits.heavy`. */
  heavyGate?: HeavyGate;
}

/**
 * Apollo's plugins that would otherwise install themselves, none of which we use:
 * - the landing page: browsers get our own GraphiQL (server/http/graphiql-page.ts); Apollo's loads Sandbox from a CDN;
 * - cache control: it wraps every field's resolver to collect `@cacheControl` hints (we declare none), a
 *   cost per field of every list, and then answers `no-store`; HTTP caching is ours
 *   (server/http/http-cache.ts) and the GraphQL route answers `no-store` by default;
 * - inline tracing (federation subgraphs only) and usage/schema reporting (only with an APOLLO_KEY in the
 *   environment): off, so no environment variable can turn on per-field tracing or reporting to Apollo's cloud.
 */
export const apolloDefaultsOff = (): ApolloServerPlugin<Context>[] => [
  ApolloServerPluginLandingPageDisabled(),
  ApolloServerPluginCacheControlDisabled(),
  ApolloServerPluginInlineTraceDisabled(),
  ApolloServerPluginUsageReportingDisabled(),
  ApolloServerPluginSchemaReportingDisabled(),
];

export async function createApollo(options: ApolloOptions): Promise<ApolloServer<Context>> {
  const limits = operationLimits({ ...options.limits, depth: { ...options.limits?.depth, ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}) } });
  const { threshold, ...gateOptions } = limits.heavy;
  const heavy = { threshold, gate: options.heavyGate ?? new HeavyGate(gateOptions) };
  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    formatError: formatError(options.production),
    // The parser stops at maxTokens, so an oversized document costs no more than the limit to refuse.
    parseOptions: { maxTokens: limits.tokens.maxTokens },
    validationRules: [depthLimit(limits.depth), aliasLimit(limits.aliases), noSubscriptions],
    plugins: [...apolloDefaultsOff(), controlCharacterPlugin<Context>(), costLimitPlugin<Context>(limits.cost, heavy), requestLogPlugin<Context>(), serviceUnavailablePlugin<Context>(), jsonStatusPlugin<Context>(), ...(options.plugins ?? [])],
    // Megabytes of boundaries are written in slices, so light requests get their turns in between.
    stringifyResult: async (result) => `${await stringifyYielding(result)}\n`, // the newline Apollo's own adds
    introspection: true,
    includeStacktraceInErrorResponses: !options.production,
    // Reads are public and embeds call from any origin; CSRF protection still blocks simple-request posts.
    csrfPrevention: true,
    // One operation per request: rate limits count requests, and the HTTP layer answers a JSON array with 400.
    allowBatchedHttpRequests: false,
    // Our SIGTERM/SIGINT handler (server/main.ts) owns shutdown: Apollo's own would stop Apollo before the
    // HTTP server has drained, failing requests in flight, and then re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  return apollo;
}

import type { GraphQLFormattedError } from 'graphql';

export interface TokenLimitOptions {
  /** Most lexical tokens (names, punctuation, values; not comments) a document may have. */
  maxTokens: number;
}

/** graphql-js's own wording when `parse(…, { maxTokens })` gives up ("more that" in v16, "more than" later). */
const PARSER_GAVE_UP = /Document contains more th(?:at|an) (\d+) tokens/;

/**
 * graphql-js stops parsing once a document passes `maxTokens` (set as Apollo's `parseOptions`),
 * so an oversized query costs no more than the limit; Apollo reports that as a parse failure.
 * This turns it into the same shape as the other limits: GRAPHQL_VALIDATION_FAILED, reason
 * TOO_MANY_TOKENS, a message that states the limit. Returns undefined for any other error.
 */
export function tokenLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return undefined;
  const match = PARSER_GAVE_UP.exec(formatted.message);
  if (!match) return undefined;
  const limit = Number(match[1]);
  return {
    message: `query has more than ${limit} tokens; the limit is ${limit}`,
    locations: formatted.locations,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_TOKENS', limit },
  };
}

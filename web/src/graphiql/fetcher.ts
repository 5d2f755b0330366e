/**
 * GraphiQL's fetcher: one POST per operation to this server's own `/graphql`, with the headers
 * typed in GraphiQL's headers editor (e.g. `Authorization: Bearer …`). The API has no
 * subscriptions and no incremental delivery, so one JSON answer per request is all it needs.
 */
import type { ComponentProps } from 'react';
import type { GraphiQL } from 'graphiql';

export type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** GraphQL-over-HTTP's own media type first; plain JSON for servers that predate it. */
const ACCEPT = 'application/graphql-response+json, application/json;q=0.9';

export function createFetcher(url: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { accept: ACCEPT, 'content-type': 'application/json', ...options?.headers },
      body: JSON.stringify(params),
    });
    // Every answer of the API, errors included, is a JSON body with `errors` GraphiQL can show.
    return response.json();
  };
}

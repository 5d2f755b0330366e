import type { ApolloServerPlugin } from '@apollo/server';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/** The quality (0–1) an Accept header gives each media type it names exactly; wildcards are left out. */
function qualities(accept: string): Map<string, number> {
  const named = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!type || type.includes('*')) continue;
    const q = params.find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    named.set(type, Number.isFinite(quality) ? quality : 0);
  }
  return named;
}

/**
 * True when the client asked for `application/json` by name, over `application/graphql-response+json`:
 * a client written before the GraphQL-over-HTTP spec, which reads errors from a 200 answer.
 */
export function prefersLegacyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const named = qualities(accept);
  const json = named.get(JSON_TYPE) ?? 0;
  return json > 0 && json >= (named.get(GRAPHQL_RESPONSE_TYPE) ?? 0);
}

/**
 * The GraphQL-over-HTTP spec's status for `application/json` answers: a well-formed request whose
 * operation is refused before it runs (a parse or validation error, a limit, a variable that does not
 * coerce) answers 200 with `errors` and no `data` when the client names `Accept: application/json`
 * (such clients read errors from the body, not the status). Clients that accept
 * `application/graphql-response+json`, a wildcard or send no Accept get Apollo's 400, as docs/errors.md says.
 * Other statuses (503 SERVER_BUSY, 405 …) and malformed HTTP requests (400 BAD_REQUEST, answered
 * before any operation) are left alone.
 */
export function jsonStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request }) {
      if (!prefersLegacyJson(request.http?.headers.get('accept'))) return;
      return {
        async willSendResponse({ response }) {
          const refused = response.body.kind === 'single' && !('data' in response.body.singleResult);
          if (refused && response.http.status === 400) response.http.status = 200;
        },
      };
    },
  };
}

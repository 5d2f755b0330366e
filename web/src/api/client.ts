/**
 * Sends the map's GraphQL reads to the same origin as GET requests, so the browser's cache and the
 * server's ETags work for them (a repeat visit revalidates boundaries with a 304 instead of
 * downloading them again); counts the bytes it loads (shown in the test hook).
 */

import { withPin } from './pin.js';

export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

export const loadStats = { requests: 0, bytes: 0, byLabel: {} as Record<string, number> };

/** Tries a request the server turned away as busy (503, its heavy queue full) again after its Retry-After, up to 3 times. */
async function get(url: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    // The custom header satisfies the server's CSRF check for GET (Apollo's apollo-require-preflight).
    const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
    if (res.status !== 503 || attempt >= 3 || !Number.isFinite(retryAfter)) return res;
    await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter, 30) * 1000));
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, label = 'query'): Promise<T> {
  const operationName = /^\s*query\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables), ...(operationName ? { operationName } : {}) });
  const res = await get(withPin(`/graphql?${params}`));
  const text = await res.text();
  loadStats.requests += 1;
  loadStats.bytes += text.length;
  loadStats.byLabel[label] = (loadStats.byLabel[label] ?? 0) + text.length;
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(`HTTP ${res.status}`, undefined);
  }
  if (body.errors?.length) throw new ApiError(body.errors[0].message, body.errors[0].extensions?.code);
  if (!body.data) throw new ApiError(`HTTP ${res.status}`, undefined);
  return body.data;
}

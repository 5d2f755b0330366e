import type { ApolloServerPlugin } from '@apollo/server';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/unavailable.js';

/**
 * Answers HTTP 503 with Retry-After when any error of the operation comes from an unavailable or
 * timed-out database (formatError gives those the code SERVICE_UNAVAILABLE): clients and proxies
 * then retry later, where a 200 with INTERNAL_SERVER_ERROR would read as our bug.
 */
export function serviceUnavailablePlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (!errors?.some((error) => isDatabaseUnavailable(error))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApolloServer } from '@apollo/server';
import { createApollo } from '../../server/graphql/apollo.js';
import type { Context } from '../../server/graphql/context.js';
import { postGraphql, startHttp, type TestHttp } from './http-harness.js';

/** What Apollo keeps of a plugin it may install by itself. */
interface InternalPlugin {
  __internal_plugin_id__?: string;
  __is_disabled_plugin__?: boolean;
}

const pluginsOf = (apollo: ApolloServer<Context>) => (apollo as unknown as { internals: { plugins: InternalPlugin[] } }).internals.plugins;

describe("Apollo's own plugins", () => {
  let apollo: ApolloServer<Context>;
  let http: TestHttp;
  beforeAll(async () => {
    apollo = await createApollo({ production: false });
    http = await startHttp({ apollo });
  });
  afterAll(async () => {
    await http.close();
    await apollo.stop();
  });

  it('installs none by itself: no per-field cache-control hints, tracing or reporting, no landing page', () => {
    // Apollo installs CacheControl (which wraps every field's resolver), InlineTrace, and with
    // APOLLO_KEY usage reporting, unless told not to.
    const active = pluginsOf(apollo).filter((p) => p.__internal_plugin_id__ !== undefined && !p.__is_disabled_plugin__);
    expect(active.map((p) => p.__internal_plugin_id__)).toEqual([]);
    const disabled = pluginsOf(apollo).filter((p) => p.__is_disabled_plugin__).map((p) => p.__internal_plugin_id__);
    expect(disabled.sort()).toEqual(['CacheControl', 'InlineTrace', 'LandingPageDisabled', 'SchemaReporting', 'UsageReporting']);
  });

  it('still answers GraphQL with Cache-Control: no-store when no HTTP cache is configured', async () => {
    const response = await postGraphql(http.url, { query: '{ __typename }' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

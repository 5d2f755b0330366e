import { describe, expect, it } from '@jest/globals';
import { acceptQuality, prefersGraphiql } from '../../server/http/graphiql-page.js';

/** What Chromium and Firefox send when a page is opened. */
const CHROMIUM = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';
const FIREFOX = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const none = new URLSearchParams();

describe('GET /graphql: GraphiQL or GraphQL', () => {
  it('reads the quality of the most specific matching range', () => {
    expect(acceptQuality(CHROMIUM, 'text/html')).toBe(1);
    expect(acceptQuality(CHROMIUM, 'application/json')).toBe(0.8);
    expect(acceptQuality('text/*;q=0.5, */*;q=0.1', 'text/html')).toBe(0.5);
    expect(acceptQuality('application/json;q=0.9, text/html;q=0', 'text/html')).toBe(0);
    expect(acceptQuality('application/json', 'text/html')).toBe(0);
    expect(acceptQuality('text/html;q=junk', 'text/html')).toBe(0);
    expect(acceptQuality(' TEXT/HTML ; Q=0.4', 'text/html')).toBe(0.4);
  });

  it('gives browsers opening the address the page', () => {
    for (const accept of [CHROMIUM, FIREFOX, 'text/html']) {
      expect(prefersGraphiql('GET', accept, none)).toBe(true);
      expect(prefersGraphiql('HEAD', accept, none)).toBe(true);
    }
  });

  it('keeps every GraphQL request the API’s: an operation by GET, another method, a client preferring JSON or not saying', () => {
    expect(prefersGraphiql('GET', CHROMIUM, new URLSearchParams({ query: '{ __typename }' }))).toBe(false);
    expect(prefersGraphiql('POST', CHROMIUM, none)).toBe(false);
    expect(prefersGraphiql('GET', 'application/graphql-response+json, application/json;q=0.9', none)).toBe(false);
    expect(prefersGraphiql('GET', 'application/json, text/html;q=0.5', none)).toBe(false);
    expect(prefersGraphiql('GET', undefined, none)).toBe(false);
    // A tie goes to GraphQL, as in Apollo's negotiation: curl's */* gets the API's answer.
    expect(prefersGraphiql('GET', '*/*', none)).toBe(false);
    expect(prefersGraphiql('GET', 'text/html, application/json', none)).toBe(false);
    expect(prefersGraphiql('GET', 'text/html;q=0', none)).toBe(false);
  });
});

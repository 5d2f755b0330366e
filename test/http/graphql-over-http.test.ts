import { describe, expect, it } from '@jest/globals';
import { serverAudits, type AuditResult } from 'graphql-http';
import { prefersLegacyJson } from '../../server/graphql/json-status-plugin.js';
import { useRunningApp } from '../support/running-app.js';

/** What a failed audit got back, so a failure names the status, content type and body instead of "not ok". */
async function describeFailure(result: Exclude<AuditResult, { status: 'ok' }>): Promise<string> {
  let body = '';
  try {
    body = await result.response.clone().text();
  } catch {
    // a body read already by the audit itself
  }
  return `${result.status}: ${result.reason}; got ${result.response.status} ${result.response.headers.get('content-type') ?? '(no content type)'} ${body.slice(0, 300)}`;
}

/**
 * The GraphQL-over-HTTP audits of the `graphql-http` package (the reference implementation of the spec),
 * each one its own test, against the whole app served over HTTP. MUST and SHOULD audits must pass;
 * MAY audits are optional behaviour and left out.
 */
describe('GraphQL over HTTP (graphql-http audits)', () => {
  const running = useRunningApp();
  const audits = serverAudits({ url: () => `${running.app.url}/graphql` }).filter((audit) => !audit.name.startsWith('MAY'));

  it('has MUST and SHOULD audits to run', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
    expect(audits.filter((a) => a.name.startsWith('SHOULD')).length).toBeGreaterThan(10);
  });

  it.each(audits.map((audit) => [`${audit.id} ${audit.name}`, audit] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    if (result.status !== 'ok') throw new Error(await describeFailure(result));
  });

  /** A too-deep query (a validation failure) sent with this Accept header: its status, content type and body. */
  const refusedWith = async (accept?: string) => {
    const deep = '{ partnerships { edges { node { members { jst { memberships { partnership { members { jst { memberships { role } } } } } } } } } } }';
    const response = await fetch(`${running.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) },
      body: JSON.stringify({ query: deep }),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as any };
  };

  it('answers a refused operation 200 with errors and no data to a client that names application/json, 400 to others', async () => {
    const legacy = await refusedWith('application/json');
    expect([legacy.status, legacy.type, legacy.body.data]).toEqual([200, 'application/json; charset=utf-8', undefined]);
    expect(legacy.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP' });
    const modern = await refusedWith('application/graphql-response+json, application/json;q=0.9');
    expect([modern.status, modern.type]).toEqual([400, 'application/graphql-response+json; charset=utf-8']);
    expect((await refusedWith()).status).toBe(400);
    expect((await refusedWith('*/*')).status).toBe(400);
  });
});

describe('prefersLegacyJson', () => {
  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/graphql-response+json', false],
    ['application/graphql-response+json, application/json;q=0.9', false],
    ['application/graphql-response+json;q=0.5, application/json', true],
    ['application/json;q=0', false],
    ['*/*', false],
    ['application/*', false],
    ['', false],
  ])('%s → %s', (accept, expected) => {
    expect(prefersLegacyJson(accept)).toBe(expected);
  });
});

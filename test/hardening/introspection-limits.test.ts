import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery, parse, specifiedRules, validate, type GraphQLSchema, type IntrospectionOptions } from 'graphql';
import { buildAppSchema } from '../../server/graphql/schema.js';
import { aliasLimit, DEFAULT_OPERATION_LIMITS, depthLimit } from '../../server/graphql/limits/index.js';
import { postGraphql, startHttp, type TestHttp } from '../http/http-harness.js';

const EVERY_OPTION: IntrospectionOptions = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true };
const VARIANTS: [string, IntrospectionOptions | undefined][] = [
  ['no options', undefined],
  ['every option', EVERY_OPTION],
  ['no descriptions', { descriptions: false }],
  ['inputValueDeprecation alone', { inputValueDeprecation: true }],
  ['oneOf as well', { ...EVERY_OPTION, oneOf: true }],
];

/** A `__type` walk that nests `fields { type { … } }` `levels` times: the shape that blows introspection up. */
const typeWalk = (levels: number) => `{ __type(name: "Query") { ${'fields { type { '.repeat(levels)}name${' } }'.repeat(levels)} } }`;

describe('introspection within the operation limits', () => {
  let schema: GraphQLSchema;
  let http: TestHttp;
  beforeAll(async () => {
    schema = await buildAppSchema();
    http = await startHttp({ rateLimit: false });
  });
  afterAll(async () => {
    await http?.close();
  });

  /** The reasons the depth and alias limits give, with graphql-js's own rules beside them as Apollo runs them. */
  const reasons = (query: string) =>
    validate(schema, parse(query), [...specifiedRules, depthLimit(DEFAULT_OPERATION_LIMITS.depth), aliasLimit(DEFAULT_OPERATION_LIMITS.aliases)]).map(
      (e) => e.extensions?.reason ?? e.message,
    );

  it.each(VARIANTS)('answers the standard introspection query over HTTP (%s)', async (_name, options) => {
    const response = await postGraphql(http.url, { query: getIntrospectionQuery(options) });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(body.data.__schema.queryType.name).toBe('Query');
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Partnership');
  });

  it('keeps data queries under the plain depth limit of 10', () => {
    const deep = '{ partnerships { edges { node { members { jst { memberships { partnership { members { jst { memberships { role } } } } } } } } } } }';
    expect(reasons(deep)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuses an introspection nested deeper than the standard query (ofType chains)', () => {
    const ofTypes = (n: number) => `{ __schema { types { fields { type { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } } } } }`;
    expect(reasons(ofTypes(10))).toEqual([]); // 15 deep, as the standard query's args { type { ofType … } }
    expect(reasons(ofTypes(11))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuses fields { type { fields … } } walks past three lists, which the standard query never needs', () => {
    // graphql-js's own rule (run by Apollo too) refuses three `fields`; ours refuses a fourth list of any kind
    expect(reasons(typeWalk(3))).toEqual(['Maximum introspection depth exceeded']);
    expect(reasons(typeWalk(4))).toContain('QUERY_TOO_DEEP');
    expect(reasons('{ __schema { types { fields { args { name } } } directives { args { name } } } }')).toEqual([]);
    expect(reasons('{ __schema { types { fields { args { type { enumValues { name } } } } } } }')).toEqual(['QUERY_TOO_DEEP']);
  });

  it('counts every __schema and __type, aliases and fragment spreads included', () => {
    expect(reasons('{ a: __schema { queryType { name } } b: __type(name: "Query") { name } }')).toEqual([]);
    expect(reasons('{ a: __schema { queryType { name } } b: __schema { queryType { name } } c: __type(name: "Jst") { name } }')).toEqual([
      'TOO_MANY_INTROSPECTION_FIELDS',
    ]);
    const spreads = '{ ...S ... on Query { ...S } ...T } fragment S on Query { __schema { queryType { name } } } fragment T on Query { ...S }';
    expect(reasons(spreads)).toEqual(['TOO_MANY_INTROSPECTION_FIELDS']);
  });

  it('follows fragments spread inside introspection: a deep walk split into fragments is still refused', () => {
    const split = `{ __type(name: "Query") { ...A } }
      fragment A on __Type { fields { type { ...B } } }
      fragment B on __Type { fields { type { ...C } } }
      fragment C on __Type { fields { type { ...D } } }
      fragment D on __Type { fields { type { ofType { name } } } }`;
    expect(reasons(split)).toContain('QUERY_TOO_DEEP');
  });

  it('cannot smuggle data fields past the plain limit in a fragment that also asks for introspection', () => {
    // Q carries __schema beside a data walk 11 deep: the walk is measured by the plain limit of 10.
    const deep = 'partnerships { edges { node { members { jst { memberships { partnership { members { jst { memberships { role } } } } } } } } } }';
    const q = `fragment Q on Query { __schema { queryType { name } } ${deep} }`;
    expect(reasons(`{ ...Q } ${q}`)).toEqual(['QUERY_TOO_DEEP']);
    expect(reasons(`{ __schema { queryType { name } } ... on Query { ${deep} } }`)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('answers an abusive introspection over HTTP with 400 GRAPHQL_VALIDATION_FAILED and the limit', async () => {
    const response = await postGraphql(http.url, { query: typeWalk(5) });
    const body = (await response.json()) as any;
    expect(response.status).toBe(400);
    expect(body.data).toBeUndefined();
    const ours = body.errors.find((e: any) => e.extensions.reason);
    expect(ours.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', limit: 3 });
    expect(ours.message).toBe('introspection nests 5 lists (types, fields, args, …) in one another; the limit is 3');
  });
});

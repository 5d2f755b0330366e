import { describe, expect, it } from '@jest/globals';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

/**
 * `partnerships` reads its page and every relation the query selects below `node` as json in one
 * statement (server/partnership/partnership-json.ts), while `partnership(slug)` still reads the ORM
 * entity and its relations through loaders: both must answer alike, whatever the query's aliases,
 * fragments and directives, and the list must cost one statement however deep it walks.
 */
const FIELDS = `slug name shortName legalForm areaType voivodeships website description membersComplete completenessNote
  statedMemberCount version archivedAt sources { ref } leader { teryt name kindLabel parent { teryt } }
  members(includeFormer: true) { role joined left current sourceName version sources { ref } jst { teryt name level kind kindLabel areaKm2 parent { teryt } voivodeship { teryt } } }
  participations { id status phase competition grantAmount grantCurrency document probable version sources { ref } partnership { slug }
    programme { code name nameEn funder operator implementers startDate endDate description version sources { ref } } }`;

/** The bench's list (test/bench/reads.ts). */
const BENCH_LIST = `{ partnerships(first: 50) { edges { node { slug leader { name } members { role jst { teryt name } } participations { status programme { code } } } } } }`;

/** Every relation the list's statement reads, each level below the last. */
const RELATIONS = `slug leader { name } partners { name kind } unmatchedMembers { sourceName reason }
  members(includeFormer: true) { current jst { kindLabel } partnership { slug participations { programme { code } } } }
  participations { status programme { code } partnership { leader { teryt } } }`;

/**
 * One relation twice with different arguments under aliases, a field spread from two fragments that
 * select different children, directives on fields and fragments, __typename at every level.
 */
const TRICKY = `fragment Tricky on Partnership {
  __typename slug n: name
  now: members { __typename role ... on Membership { jst { teryt } } }
  former: members(includeFormer: true) { left current jst { name } }
  ...Leaders
  leader { teryt }
  participations @include(if: $yes) { status }
  partners @skip(if: $yes) { name }
  unmatchedMembers @include(if: $no) { reason }
  ... @skip(if: $no) { website membersComplete }
}
fragment Leaders on Partnership { leader { __typename name kind } }`;

describe.each(testBackends())('plain list reads on $name', ({ database }) => {
  const statements: string[] = [];
  const seeded = useSeededApi(database, { onQuery: (line) => void (/^\[query\]/.test(line) && statements.push(line)) });

  it('a list answers every field as the entity read of the same partnership does, archived ones included', async () => {
    // An archived partnership carries a timestamp the plain read must turn into the same DateTimeISO.
    await seeded.db.em().getConnection().execute(`update partnership set archived_at = '2026-03-04T05:06:07.089Z' where slug = (select min(slug) from partnership)`);
    // Pages of 10: the cost limit refuses more rows with this many nested fields.
    const nodes: any[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page: any = await seeded.api.data(
        `query($after: String) { partnerships(first: 10, after: $after, filter: { includeArchived: true }) { pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } } }`,
        { after },
      );
      nodes.push(...page.partnerships.edges.map((e: { node: unknown }) => e.node));
      ({ hasNextPage: more, endCursor: after } = page.partnerships.pageInfo);
    }
    expect(nodes.some((n: { archivedAt: string | null }) => n.archivedAt === '2026-03-04T05:06:07.089Z')).toBe(true);
    expect(nodes.some((n: { leader: unknown }) => n.leader !== null)).toBe(true);
    expect(nodes.some((n: { participations: unknown[] }) => n.participations.length > 0)).toBe(true);
    for (const node of nodes) {
      const one = await seeded.api.data(`query($slug: String!) { partnership(slug: $slug) { ${FIELDS} } }`, { slug: node.slug });
      expect(node).toEqual(one.partnership);
    }
  });

  it('the bench list costs one statement: the page with its leaders, members, JSTs, participations and programmes', async () => {
    statements.length = 0;
    const data = await seeded.api.data(BENCH_LIST);
    expect(data.partnerships.edges.length).toBeGreaterThan(10);
    expect(data.partnerships.edges.some((e: { node: { leader: unknown } }) => e.node.leader !== null)).toBe(true);
    expect(statements).toHaveLength(1);
  });

  it('the list reads every relation it knows in its one statement, however deep; totalCount adds its count', async () => {
    statements.length = 0;
    await seeded.api.data(`{ partnerships(first: 5) { edges { node { ${RELATIONS} } } } }`);
    expect(statements).toHaveLength(1);
    statements.length = 0;
    await seeded.api.data(`{ partnerships(first: 20) { totalCount pageInfo { hasNextPage } edges { cursor node { slug } } } }`);
    expect(statements).toHaveLength(2);
  });

  it('answers aliases, fragments, @skip/@include and __typename as the entity read does, in one statement', async () => {
    statements.length = 0;
    const list: any = await seeded.api.data(
      `query($yes: Boolean!, $no: Boolean!) { partnerships(first: 30) { edges { node { ...Tricky } } } } ${TRICKY}`,
      { yes: true, no: false },
    );
    // Every relation included (directly, through a fragment, under @include) came with the page.
    expect(statements).toHaveLength(1);
    expect(list.partnerships.edges.some((e: any) => e.node.former.length > e.node.now.length)).toBe(true);
    for (const { node } of list.partnerships.edges) {
      const one = await seeded.api.data(`query($slug: String!, $yes: Boolean!, $no: Boolean!) { partnership(slug: $slug) { ...Tricky } } ${TRICKY}`, {
        slug: node.slug, yes: true, no: false,
      });
      expect(node).toEqual(one.partnership);
    }
  });
});

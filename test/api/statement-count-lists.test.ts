import { describe, expect, it } from '@jest/globals';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

/**
 * Every list field, walked with every relation it offers: the statements a request costs depend on
 * the depth of the query, never on how many rows a level holds (no N+1 anywhere).
 */
/** The relations of a partnership, in groups small enough for the cost limit at 20 rows. */
const PARTNERSHIP_RELATIONS = [
  `slug leader { name parent { name } } members(includeFormer: true) { role current jst { teryt kindLabel parent { name } voivodeship { name } labelPoint bbox } }`,
  `participations { status programme { code loaded { partnerships } } partnership { slug } } partners { name } unmatchedMembers { sourceName } history(last: 5) { action }`,
  `functionalArea { areaKm2 memberCount bbox geometry(simplify: 0.05, precision: 2) }`,
];

/** Paged lists: 2 rows and 20 rows must cost the same statements. */
const PAGED: { name: string; query: string }[] = [
  ...PARTNERSHIP_RELATIONS.map((fields, i) => ({
    name: `partnerships, relations ${i + 1}`,
    query: `query($n: Int) { partnerships(first: $n) { totalCount edges { node { ${fields} } } } }`,
  })),
  {
    name: 'jsts',
    query: `query($n: Int) { jsts(first: $n, filter: { level: COUNTY }) { totalCount edges { node { teryt kindLabel parent { name } voivodeship { name }
      memberships(includeFormer: true) { role partnership { slug } } labelPoint bbox geometry(simplify: 0.05, precision: 2) } } } }`,
  },
  { name: 'changes', query: `query($n: Int) { changes(first: $n) { totalCount edges { node { id action entityKey } } } }` },
];

/** Unpaged lists: more rows than the bound on statements, so one statement per row would fail. */
const UNPAGED: { name: string; query: string; rows: (data: any) => number; bound: number }[] = [
  {
    name: 'programmes',
    query: `{ programmes { code phases { code } reportedFigures { value } loaded { partnerships jsts } participations { status partnership { slug } } } }`,
    rows: (d) => d.programmes.length,
    bound: 6,
  },
  {
    name: 'coverage.byVoivodeship',
    query: `{ coverage { voivodeship { name } byVoivodeship { gminyTotal voivodeship { name labelPoint parent { name } } } } }`,
    rows: (d) => d.coverage.byVoivodeship.length,
    bound: 5,
  },
];

describe.each(testBackends())('statements per list field on $name', ({ database }) => {
  const statements: string[] = [];
  const seeded = useSeededApi(database, { onQuery: (line) => void (/^\[query\]/.test(line) && statements.push(line)) });

  const count = async (query: string, variables?: Record<string, unknown>) => {
    statements.length = 0;
    const data = await seeded.api.data(query, variables);
    return { data, statements: statements.length };
  };

  it.each(PAGED)('$name: 20 rows cost the statements of 2', async ({ query }) => {
    const few = await count(query, { n: 2 });
    const many = await count(query, { n: 20 });
    // DataLoader batches per tick of the event loop, so a level may split into two batches, and JSTs the
    // cache already holds (a leader that is also a member) save one: allow two. N+1 would add 18 per relation.
    expect(Math.abs(many.statements - few.statements)).toBeLessThanOrEqual(2);
    expect(many.statements).toBeLessThanOrEqual(24);
  });

  it('partnershipsAt: no statement repeated per partnership', async () => {
    // The seed point (on the surface of an area) that most functional areas contain.
    const [most] = await seeded.db.em().getConnection().execute<{ lon: number; lat: number }[]>(
      `select ST_X(pt) as lon, ST_Y(pt) as lat from (select ST_PointOnSurface(area) as pt, slug from partnership where area is not null and archived_at is null) t
       order by (select count(*) from partnership q where q.archived_at is null and ST_Intersects(q.area, pt)) desc, slug limit 1`,
    );
    const at = `query($lon: Float!, $lat: Float!) { partnershipsAt(lon: $lon, lat: $lat) { ${PARTNERSHIP_RELATIONS.slice(1).join(' ')} } }`;
    const { data } = await count(at, { lon: most!.lon, lat: most!.lat });
    expect(data.partnershipsAt.length).toBeGreaterThanOrEqual(2);
    // N+1 repeats every relation's statement once per partnership; a batch split over two ticks repeats one.
    const shapes = statements.map((line) => line.replace(/\[took .*$/, '').replace(/\(\?(, \?)*\)/g, '(?)'));
    const repeated = shapes.filter((shape, i) => shapes.indexOf(shape) !== i);
    expect(repeated.length).toBeLessThanOrEqual(1);
  });

  it('partnerships: counted only when the query asks for totalCount', async () => {
    const bare = await count(`{ partnerships(first: 5) { edges { node { slug } } } }`);
    const counted = await count(`{ partnerships(first: 5) { totalCount edges { node { slug } } } }`);
    expect(bare.statements).toBe(1);
    expect(counted.statements).toBe(2);
    expect(counted.data.partnerships.totalCount).toBeGreaterThan(5);
  });

  it('coverage: one statement for the figures and the partnerships total', async () => {
    const { data, statements: n } = await count(`{ coverage { gminyShare partnerships byVoivodeship { gminyCovered partnerships } } }`);
    expect(data.coverage.partnerships).toBeGreaterThan(0);
    expect(n).toBe(1);
  });

  it.each(UNPAGED)('$name: fewer statements than rows', async ({ query, rows, bound }) => {
    const { data, statements: n } = await count(query);
    expect(rows(data)).toBeGreaterThan(bound);
    if (n > bound) console.log(statements.join("\n"));
    expect(n).toBeLessThanOrEqual(bound);
  });
});

import { describe, expect, it } from '@jest/globals';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

/**
 * Lists read partnerships, memberships and participations as plain rows (server/partnership/partnership-read.ts),
 * while `partnership(slug)` still reads the ORM entity: both must answer alike, and the hot list must
 * cost one statement per level it reads, with the JSTs and programmes in the statements of their parents.
 */
const FIELDS = `slug name shortName legalForm areaType voivodeships website description membersComplete completenessNote
  statedMemberCount version archivedAt sources { ref } leader { teryt name kindLabel parent { teryt } }
  members(includeFormer: true) { role joined left current sourceName version sources { ref } jst { teryt name level kind kindLabel areaKm2 parent { teryt } voivodeship { teryt } } }
  participations { id status phase competition grantAmount grantCurrency document probable version sources { ref } partnership { slug }
    programme { code name nameEn funder operator implementers startDate endDate description version sources { ref } } }`;

/** The bench's list (test/bench/reads.ts). */
const BENCH_LIST = `{ partnerships(first: 50) { edges { node { slug leader { name } members { role jst { teryt name } } participations { status programme { code } } } } } }`;

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

  it('the bench list costs three statements: the page, memberships with their JSTs, participations with their programmes', async () => {
    statements.length = 0;
    const data = await seeded.api.data(BENCH_LIST);
    expect(data.partnerships.edges.length).toBeGreaterThan(10);
    expect(data.partnerships.edges.some((e: { node: { leader: unknown } }) => e.node.leader !== null)).toBe(true);
    expect(statements).toHaveLength(3);
  });
});

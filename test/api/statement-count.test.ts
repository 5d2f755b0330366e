import { describe, expect, it } from '@jest/globals';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const FIFTY_WITH_MEMBERS = `{
  partnerships(first: 50) {
    edges { node {
      slug leader { name }
      members { role jst { teryt name parent { name } } }
      participations { status programme { code name } }
      partners { name } unmatchedMembers { sourceName }
      functionalArea { areaKm2 memberCount }
    } }
  }
}`;

describe.each(testBackends())('SQL statements per request on $name', ({ database }) => {
  const statements: string[] = [];
  const seeded = useSeededApi(database, {
      onQuery: (line) => {
        if (/^\[query\]/.test(line)) statements.push(line);
      },
    });

  it('loads 50 partnerships with members, JSTs, programmes and areas in a bounded number of statements', async () => {
    statements.length = 0;
    const data = await seeded.api.data(FIFTY_WITH_MEMBERS);
    expect(data.partnerships.edges).toHaveLength(50);
    // The page with every relation it reads ahead (members, JSTs, participations, programmes, partners,
    // unmatched, leaders) is one statement, plus the count, then one batch per level the list does not
    // read ahead (JST parents, areas) — never one per partnership.
    expect(statements.length).toBeLessThanOrEqual(12);
  });

  it('costs no more statements for 50 partnerships than for 5', async () => {
    statements.length = 0;
    await seeded.api.data(FIFTY_WITH_MEMBERS.replace('first: 50', 'first: 5'));
    const few = statements.length;
    statements.length = 0;
    await seeded.api.data(FIFTY_WITH_MEMBERS);
    // DataLoader batches per event-loop tick, so one level may split into two batches depending on
    // timing: allow that one statement, while N+1 would add dozens for 45 more partnerships.
    expect(Math.abs(statements.length - few)).toBeLessThanOrEqual(1);
    expect(statements.length).toBeLessThanOrEqual(12);
  });
});

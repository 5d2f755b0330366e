import { beforeAll, describe, expect, it } from '@jest/globals';
import { ReadCache, type Sized } from '../../server/dataset/read-cache.js';
import { query } from '../../server/db/sql.js';
import { testBackends } from '../support/database.js';
import { createTestTokens, partnershipFixture, type TestTokens } from '../support/editing-fixtures.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';
import { useSeededApi } from '../support/seeded-api.js';

const FEATURES = `query($simplify: Float, $precision: Int) {
  jstFeatures(level: MUNICIPALITY, voivodeship: "12", simplify: $simplify, precision: $precision) }`;
const COVERAGE = `query($programme: String) { coverage(programme: $programme) { gminyCovered partnerships areaShare byVoivodeship { gminyTotal gminyCovered partnerships } } }`;

/** Features of a FeatureCollection answer, by TERYT code. */
const byTeryt = (data: { jstFeatures: { features: { id: string; properties: { partnerships: string[] } }[] } }) =>
  new Map(data.jstFeatures.features.map((f) => [f.id, f]));

describe.each(testBackends())('the read cache on $name', ({ database }) => {
  const statements: string[] = [];
  const seeded = useSeededApi(database, { onQuery: (sql) => statements.push(sql) });
  const cache = new ReadCache({ maxBytes: 32 * 2 ** 20, maxEntries: 50 });
  let cached: GraphqlClient;
  let tokens: TestTokens;
  beforeAll(async () => {
    cached = await graphqlClient(seeded.db.orm, { readCache: cache });
    tokens = await createTestTokens(seeded.db.em());
  });
  /** Statements the ORM ran while `run` ran. */
  const counting = async <T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> => {
    const before = statements.length;
    const result = await run();
    return { result, statements: statements.length - before };
  };

  it('answers boundaries and coverage exactly as without it, the second time with one statement (the version)', async () => {
    for (const [operation, variables] of [[FEATURES, { simplify: 0.01, precision: 4 }], [COVERAGE, { programme: 'CWD' }], [COVERAGE, {}]] as const) {
      const plain = await seeded.api.data(operation, variables);
      const first = await counting(() => cached.data(operation, variables));
      const second = await counting(() => cached.data(operation, variables));
      expect(first.result).toEqual(plain);
      expect(second.result).toEqual(plain);
      expect(first.statements).toBeGreaterThan(1);
      expect(second.statements).toBe(1);
    }
  });

  it('keys by the parsed arguments: a default spelt out is the same read, another value is not', async () => {
    await cached.data(COVERAGE, {});
    const { hits, misses } = cache.stats;
    await cached.data(`{ coverage(programme: null) { gminyCovered } }`);
    await cached.data(FEATURES, { simplify: 0.01, precision: 4 });
    await cached.data(`{ jstFeatures(level: MUNICIPALITY, voivodeship: "12", simplify: 0.0100, precision: 4) }`);
    expect(cache.stats).toMatchObject({ hits: hits + 3, misses });
    await cached.data(FEATURES, { simplify: 0.01, precision: 3 });
    expect(cache.stats).toMatchObject({ hits: hits + 3, misses: misses + 1 });
  });

  it('is not used by a request with a token', async () => {
    const before = cache.stats;
    await cached.data(COVERAGE, {}, tokens.national);
    await cached.data(FEATURES, { simplify: 0.01, precision: 4 }, tokens.national);
    expect(cache.stats).toEqual(before);
  });

  it('answers afresh after a write: the new partnership shows in boundaries and coverage at once', async () => {
    const features = await cached.data(FEATURES, { simplify: 0.01, precision: 4 });
    const coverage = await cached.data(COVERAGE, {});
    // Gminy Gołcza (1206032) and Iwanowice (1206042), powiat krakowski.
    const created = await partnershipFixture(seeded.api, tokens.admin, ['12'], ['1206032', '1206042'], 'swieze');
    const after = await counting(() => cached.data(FEATURES, { simplify: 0.01, precision: 4 }));
    expect(after.statements).toBeGreaterThan(1);
    expect(after.result).toEqual(await seeded.api.data(FEATURES, { simplify: 0.01, precision: 4 }));
    expect(byTeryt(after.result as never).get('1206032')?.properties.partnerships).toContain(created.slug);
    expect(byTeryt(features as never).get('1206032')?.properties.partnerships).not.toContain(created.slug);
    const coverageAfter = await cached.data(COVERAGE, {});
    expect(coverageAfter).toEqual(await seeded.api.data(COVERAGE, {}));
    expect(coverageAfter.coverage.partnerships).toBe(coverage.coverage.partnerships + 1);
  });

  it('keeps no answer of a failed read', async () => {
    const before = cache.stats;
    const unknown = await cached.run(COVERAGE, { programme: 'NIE-MA-TAKIEGO' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(cache.stats.entries).toBe(before.entries);
  });

  describe('bounds', () => {
    const sized = (value: string, bytes = value.length): Sized<string> => ({ value, bytes });

    it('computes identical reads that miss together once', async () => {
      const small = new ReadCache({ maxBytes: 1000, maxEntries: 10 });
      let computed = 0;
      const compute = async () => {
        computed++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return sized('layer');
      };
      const answers = await Promise.all([1, 2, 3].map(() => small.read(seeded.db.em(), ['x'], compute)));
      expect(answers).toEqual(['layer', 'layer', 'layer']);
      expect(computed).toBe(1);
    });

    it('drops the least recently used answer past maxEntries or maxBytes, and keeps nothing larger than maxBytes', async () => {
      const small = new ReadCache({ maxBytes: 100, maxEntries: 2 });
      const em = seeded.db.em();
      await small.read(em, ['a'], async () => sized('a', 10));
      await small.read(em, ['b'], async () => sized('b', 10));
      await small.read(em, ['a'], async () => sized('never'));
      await small.read(em, ['c'], async () => sized('c', 10));
      expect(await small.read(em, ['a'], async () => sized('recomputed'))).toBe('a');
      expect(await small.read(em, ['b'], async () => sized('b again', 10))).toBe('b again');
      expect(small.stats).toMatchObject({ entries: 2, bytes: 20 });
      await small.read(em, ['big'], async () => sized('big', 95));
      expect(small.stats).toMatchObject({ entries: 1, bytes: 95 });
      await small.read(em, ['huge'], async () => sized('huge', 101));
      expect(small.stats).toMatchObject({ entries: 1, bytes: 95 });
    });

    it('lets answers of an older version go once a newer one is stored', async () => {
      const small = new ReadCache({ maxBytes: 1000, maxEntries: 10 });
      await small.read(seeded.db.em(), ['old'], async () => sized('old', 10));
      await query(seeded.db.em(), `update programme set name = name where false`);
      await small.read(seeded.db.em(), ['new'], async () => sized('new', 10));
      expect(small.stats).toMatchObject({ entries: 1, bytes: 10 });
    });
  });
});

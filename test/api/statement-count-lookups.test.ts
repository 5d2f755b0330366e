import { describe, expect, it } from '@jest/globals';
import { query } from '../../server/db/sql.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

/**
 * Single lookups cost the statements the same work costs in SQL: one. A functional area's geometry
 * asked for below `partnership(slug:)` comes in the partnership's own statement (the resolver
 * looks ahead at the query); the area's figures are read only when asked for.
 */
const SLUG = 'gzm';

describe.each(testBackends())('statements of single lookups on $name', ({ database }) => {
  const statements: string[] = [];
  const seeded = useSeededApi(database, {
    onQuery: (line) => {
      if (/^\[query\]/.test(line)) statements.push(line);
    },
  });

  /** The data of `text` and the statements it cost. */
  async function run(text: string, variables: Record<string, unknown> = {}) {
    statements.length = 0;
    const data = await seeded.api.data(text, variables);
    return { data, statements: [...statements] };
  }

  /** PostGIS's own text of the area, as the API must pass it on. */
  async function areaText(simplify: number, precision: number): Promise<unknown> {
    const geometry = simplify > 0 ? `ST_Multi(ST_SimplifyPreserveTopology(area, ${simplify}))` : 'area';
    const rows = await query<{ g: string }>(seeded.db.em(), `select ST_AsGeoJSON(${geometry}, ${precision}) as g from partnership where slug = ?`, [SLUG]);
    return JSON.parse(rows[0]!.g);
  }

  it('reads a partnership and its area geometry in one statement', async () => {
    const { data, statements } = await run(`query($slug: String!) { partnership(slug: $slug) { slug functionalArea { geometry(simplify: 0, precision: 6) } } }`, { slug: SLUG });
    expect(statements).toHaveLength(1);
    expect(data.partnership.functionalArea.geometry).toEqual(await areaText(0, 6));
  });

  it('looks through fragments and variables, and honours @skip', async () => {
    const fragment = `fragment F on Partnership { functionalArea { ... on FunctionalArea { geometry(simplify: $s, precision: $p) } } }`;
    const viaFragment = await run(`query($s: Float, $p: Int) { partnership(slug: "${SLUG}") { ...F } } ${fragment}`, { s: 0.01, p: 3 });
    expect(viaFragment.statements).toHaveLength(1);
    expect(viaFragment.data.partnership.functionalArea.geometry).toEqual(await areaText(0.01, 3));
    const skipped = await run(`query($no: Boolean!) { partnership(slug: "${SLUG}") { slug functionalArea { geometry @skip(if: $no) } } }`, { no: true });
    expect(skipped.statements).toHaveLength(1);
    expect(skipped.statements[0]).not.toMatch(/ST_AsGeoJSON/i);
    expect(skipped.data.partnership.functionalArea).toEqual({});
  });

  it('answers two different geometries of one area correctly (one statement each besides the partnership)', async () => {
    const { data, statements } = await run(`{ partnership(slug: "${SLUG}") { functionalArea { fine: geometry(precision: 5) coarse: geometry(simplify: 0.01, precision: 3) } } }`);
    expect(data.partnership.functionalArea.fine).toEqual(await areaText(0, 5));
    expect(data.partnership.functionalArea.coarse).toEqual(await areaText(0.01, 3));
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('reads the area figures only when they are asked for, in one more statement', async () => {
    const { data, statements } = await run(`{ partnership(slug: "${SLUG}") { functionalArea { areaKm2 memberCount bbox geometry(precision: 4) } } }`);
    expect(statements).toHaveLength(2);
    expect(data.partnership.functionalArea.memberCount).toBeGreaterThan(10);
    expect(data.partnership.functionalArea.bbox).toHaveLength(4);
    expect(data.partnership.functionalArea.geometry).toEqual(await areaText(0, 4));
  });

  it('answers an unknown slug with null in one statement', async () => {
    const { data, statements } = await run(`{ partnership(slug: "no-such-partnership") { functionalArea { geometry } } }`);
    expect(data.partnership).toBeNull();
    expect(statements).toHaveLength(1);
  });

  it.each([
    ['partnershipsAt', 1, `{ partnershipsAt(lon: 19.0, lat: 50.26) { slug name } }`],
    ['jstAt', 1, `{ jstAt(lon: 19.0, lat: 50.26) { teryt name kindLabel } }`],
    ['{ __typename }', 0, `{ __typename }`],
  ])('answers %s in %i statement(s)', async (_name, count, text) => {
    const { statements } = await run(text);
    expect(statements).toHaveLength(count);
  });
});

import Fastify from 'fastify';
import { COVERAGE_SQL, coverageParams } from '../../server/coverage/coverage.service.js';
import { ALL_COVERAGE } from '../../server/input/coverage-args.js';
import type { Em } from '../../server/db/orm.js';
import { stats, times, type Stats } from './measure.js';

/**
 * The read cases of `npm run bench`: each pairs a GraphQL request with the SQL that does the same
 * work (the same rows, the same JSON text for geometry), run by the bench itself on the same
 * database, so the ratio API p50 ÷ SQL p50 shows what the API adds on top of the database.
 */
export interface ReadCase {
  name: string;
  /** Goal for API p50 ÷ SQL p50. */
  goal: number;
  samples: number;
  query: string;
  variables(i: number): Record<string, unknown>;
  sql: string;
  params(i: number): unknown[];
}

/** Deterministic points spread over Poland's bounding box (lng 14.1–24.2, lat 49.0–54.9). */
const point = (i: number) => ({ lon: 14.1 + ((i * 7.31) % 10.1), lat: 49.0 + ((i * 3.17) % 5.9) });

const FIFTY_SQL = `
  select p.slug, l.name as leader,
    (select coalesce(json_agg(json_build_object('role', m.role, 'teryt', j.teryt, 'name', j.name) order by m.role, m.jst_teryt), '[]')
       from membership m join jst j on j.teryt = m.jst_teryt where m.partnership_id = p.id and membership_is_current(m."left")) as members,
    (select coalesce(json_agg(json_build_object('status', pa.status, 'code', pr.code) order by pa.id), '[]')
       from participation pa join programme pr on pr.id = pa.programme_id where pa.partnership_id = p.id) as participations
  from partnership p left join jst l on l.teryt = p.leader_teryt
  where p.archived_at is null order by p.slug limit 50`;

/** The cases, given the slug of the partnership whose functional area has the most vertices. */
export function readCases(areaSlug: string): ReadCase[] {
  return [
    {
      name: 'partnershipsAt(lon, lat)',
      goal: 1.3,
      samples: 200,
      query: `query($lon: Float!, $lat: Float!) { partnershipsAt(lon: $lon, lat: $lat) { slug name } }`,
      variables: point,
      sql: `select slug, name from partnership p where p.archived_at is null and ST_Intersects(p.area, ST_SetSRID(ST_MakePoint(?, ?), 4326)) order by p.name`,
      params: (i) => [point(i).lon, point(i).lat],
    },
    {
      name: 'jstAt(lon, lat)',
      goal: 1.3,
      samples: 200,
      query: `query($lon: Float!, $lat: Float!) { jstAt(lon: $lon, lat: $lat) { teryt name } }`,
      variables: point,
      sql: `select teryt, name from jst j where j.level = 'MUNICIPALITY' and ST_Intersects(j.boundary, ST_SetSRID(ST_MakePoint(?, ?), 4326)) order by j.teryt limit 1`,
      params: (i) => [point(i).lon, point(i).lat],
    },
    {
      name: 'partnerships(first: 50) + members, programmes',
      goal: 2,
      samples: 60,
      query: `{ partnerships(first: 50) { edges { node { slug leader { name } members { role jst { teryt name } } participations { status programme { code } } } } } }`,
      variables: () => ({}),
      sql: FIFTY_SQL,
      params: () => [],
    },
    {
      name: 'coverage',
      goal: 1.3,
      samples: 40,
      query: `{ coverage { gminyShare areaShare partnerships byVoivodeship { gminyShare partnerships } } }`,
      variables: () => ({}),
      sql: COVERAGE_SQL, // the service's own statement: the SQL is the work, the API adds the rest
      params: () => coverageParams(ALL_COVERAGE),
    },
    {
      name: `functionalArea.geometry (${areaSlug})`,
      goal: 1.3,
      samples: 100,
      query: `query($slug: String!) { partnership(slug: $slug) { functionalArea { geometry(simplify: 0, precision: 6) } } }`,
      variables: () => ({ slug: areaSlug }),
      sql: `select ST_AsGeoJSON(area, 6) as geojson from partnership where slug = ?`,
      params: () => [areaSlug],
    },
  ];
}

export interface ReadResult {
  name: string;
  goal: number;
  api: Stats;
  sql: Stats;
  /** The same SQL answered as JSON by a bare Fastify route, timed with the API's own client: HTTP's share. */
  sqlOverHttp: Stats;
}

/** One POST; sent again once when the server closed the idle keep-alive connection just as it was reused. */
export async function post(url: string, query: string, variables: Record<string, unknown> = {}, retry = true, path = '/graphql'): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  } catch (error) {
    if (retry && (error as { cause?: { code?: string } }).cause?.code === 'ECONNRESET') return post(url, query, variables, false, path);
    throw error;
  }
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/**
 * Measures every case: API and SQL interleaved in rounds, so a slow patch of the machine (two
 * cores shared with other work) hits both sides alike.
 */
export async function measureReads(url: string, em: Em, cases: ReadCase[]): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  const bare = await bareSqlServer(em, cases);
  try {
    for (const [k, c] of cases.entries()) {
      const api: number[] = [];
      const sql: number[] = [];
      const overHttp: number[] = [];
      const runSql = (i: number) => em.getConnection().execute(c.sql, c.params(i), 'all');
      const runApi = (i: number) => post(url, c.query, c.variables(i));
      const runOverHttp = (i: number) => post(bare.url, '', { i }, true, `/sql/${k}`);
      const rounds = 4;
      for (let round = 0; round < rounds; round++) {
        const n = Math.ceil(c.samples / rounds);
        api.push(...(await times(n, runApi, round === 0 ? 3 : 1)));
        sql.push(...(await times(n, runSql, round === 0 ? 3 : 1)));
        overHttp.push(...(await times(n, runOverHttp, round === 0 ? 3 : 1)));
      }
      results.push({ name: c.name, goal: c.goal, api: stats(api), sql: stats(sql), sqlOverHttp: stats(overHttp) });
    }
  } finally {
    await bare.close();
  }
  return results;
}

/**
 * A bare Fastify server whose `POST /sql/<case>` runs that case's SQL and answers its rows as JSON:
 * the least any HTTP API can cost for the same work, to read the API ÷ SQL ratio against.
 */
async function bareSqlServer(em: Em, cases: ReadCase[]): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.post<{ Params: { k: string }; Body: { variables: { i: number } } }>('/sql/:k', async (request) => {
    const c = cases[Number(request.params.k)]!;
    return { data: await em.getConnection().execute(c.sql, c.params(request.body.variables.i), 'all') };
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

/**
 * `coverage` narrowed by the map's filters (status, legal form, area type, województwo) equals
 * an independent count in SQL, on both backends; bad arguments get a coded error.
 */
import { describe, expect, it } from '@jest/globals';
import { query } from '../../server/db/sql.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

interface Filter { statuses?: string[]; programme?: string; voivodeship?: string; legalForms?: string[]; areaTypes?: string[] }

/**
 * Written apart from the service's statement: a gmina counts when some current member of a kept
 * partnership is the gmina itself or its powiat; a partnership counts when it has a current member in the area.
 */
const INDEPENDENT = `
  with kept as (
    select p.id from partnership p where p.archived_at is null
      and ($1::text[] is null or p.id in (select pa.partnership_id from participation pa join programme pr on pr.id = pa.programme_id
                                         where pa.status = any($1::text[]) and ($2::text is null or pr.code = $2)))
      and ($2::text is null or p.id in (select pa.partnership_id from participation pa join programme pr on pr.id = pa.programme_id where pr.code = $2))
      and ($3::text[] is null or p.legal_form = any($3::text[]))
      and ($4::text[] is null or p.area_type = any($4::text[]))),
  cur as (select m.* from membership m join kept on kept.id = m.partnership_id where membership_is_current(m."left"))
  select
    (select count(*)::int from jst g where g.level = 'MUNICIPALITY' and ($5::text is null or g.voivodeship_teryt = $5)
       and exists (select 1 from cur where cur.jst_teryt in (g.teryt, g.parent_teryt))) as covered,
    (select count(*)::int from jst g where g.level = 'MUNICIPALITY' and ($5::text is null or g.voivodeship_teryt = $5)) as total,
    (select count(distinct cur.partnership_id)::int from cur join jst j on j.teryt = cur.jst_teryt where $5::text is null or j.voivodeship_teryt = $5) as partnerships`;

const arr = (v?: string[]) => (v?.length ? `{${v.join(',')}}` : null);

describe.each(testBackends())('coverage by the map filters on $name', ({ database }) => {
  const seeded = useSeededApi(database);

  const viaApi = async (f: Filter) => (await seeded.api.data(
    `query($programme: String, $voivodeship: String, $statuses: [ParticipationStatus!], $legalForms: [LegalForm!], $areaTypes: [AreaType!]) {
      coverage(programme: $programme, voivodeship: $voivodeship, statuses: $statuses, legalForms: $legalForms, areaTypes: $areaTypes) {
        gminyCovered gminyTotal partnerships byVoivodeship { voivodeship { teryt } gminyCovered } } }`, { ...f })).coverage;

  const viaSql = async (f: Filter) => {
    const params = [arr(f.statuses), f.programme ?? null, arr(f.legalForms), arr(f.areaTypes), f.voivodeship ?? null];
    // The ORM's `query` takes `?`; the independent statement names its parameters by number, so spell them out in order.
    const positional = INDEPENDENT.replace(/\$(\d)/g, '?');
    const order = [...INDEPENDENT.matchAll(/\$(\d)/g)].map((m) => params[Number(m[1]) - 1]);
    const [row] = await query<{ covered: number; total: number; partnerships: number }>(seeded.db.em(), positional, order);
    return row;
  };

  const cases: [string, Filter][] = [
    ['status GRANTEE', { statuses: ['GRANTEE'] }],
    ['województwo 12', { voivodeship: '12' }],
    ['status GRANTEE in województwo 12', { statuses: ['GRANTEE'], voivodeship: '12' }],
    ['programme CWD-PLUS, status PARTICIPANT', { programme: 'CWD-PLUS', statuses: ['PARTICIPANT'] }],
    ['legal form JST_ASSOCIATION', { legalForms: ['JST_ASSOCIATION'] }],
    ['area type MOF', { areaTypes: ['MOF'] }],
  ];

  it.each(cases)('%s equals an independent SQL count', async (_name, f) => {
    const [api, sql] = await Promise.all([viaApi(f), viaSql(f)]);
    expect({ covered: api.gminyCovered, total: api.gminyTotal, partnerships: api.partnerships }).toEqual(sql);
  });

  it('narrows: status GRANTEE covers fewer gminy and partnerships than no filter', async () => {
    const [all, grantee] = await Promise.all([viaApi({}), viaApi({ statuses: ['GRANTEE'] })]);
    expect(grantee.partnerships).toBeGreaterThan(0);
    expect(grantee.partnerships).toBeLessThan(all.partnerships);
    expect(grantee.gminyCovered).toBeLessThan(all.gminyCovered);
  });

  it('counts the same partnerships as the partnerships filter, less those without known members', async () => {
    const list = await seeded.api.data(`{ partnerships(filter: { statuses: [GRANTEE], voivodeship: "12" }, first: 200) { edges { node { slug } } } }`);
    const cov = await viaApi({ statuses: ['GRANTEE'], voivodeship: '12' });
    expect(cov.partnerships).toBe(list.partnerships.edges.length);
    expect(cov.byVoivodeship.map((r: { voivodeship: { teryt: string } }) => r.voivodeship.teryt)).toEqual(['12']);
  });

  it.each([
    ['an unknown status', `{ coverage(statuses: [NOPE]) { gminyTotal } }`, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown legal form', `{ coverage(legalForms: [NOPE]) { gminyTotal } }`, 'GRAPHQL_VALIDATION_FAILED'],
    ['an unknown programme with a status', `{ coverage(programme: "NOPE", statuses: [GRANTEE]) { gminyTotal } }`, 'BAD_USER_INPUT'],
    ['a malformed programme with a status', `{ coverage(programme: "nope", statuses: [GRANTEE]) { gminyTotal } }`, 'BAD_USER_INPUT'],
  ])('refuses %s with a coded error', async (_name, q, code) => {
    const result = await seeded.api.run(q);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });
});

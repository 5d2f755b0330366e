/**
 * Population (GUS BDL 2020), current and former TERYT codes, inferred memberships: through the API
 * on both backends, checked against the reference file and independent SQL.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { query } from '../../server/db/sql.js';
import { SHARED_REFERENCE } from '../../server/population/population-source.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

/** The GUS total of the gminy file, summed here from the file itself (the README states 38,265,013). */
const fileTotal = () =>
  readFileSync(path.join(SHARED_REFERENCE, 'population-gminy-gus-2020.csv'), 'utf8').trim().split('\n').slice(1)
    .reduce((sum, line) => sum + Number(line.split(',')[6]), 0);

const LOOKUP = `query($teryt: String!) { jst(teryt: $teryt) { teryt name kind matchedCode { code current currentCode currentSince }
  formerCodes { code validTo } population { people year asOf source { label citation } } } }`;

describe.each(testBackends())('people on $name', ({ database }) => {
  const seeded = useSeededApi(database);

  describe('population', () => {
    it('sums over all gminy to the GUS total of the file (38,265,013), in the data and in coverage', async () => {
      expect(fileTotal()).toBe(38_265_013);
      const [row] = await query<{ total: string }>(seeded.db.em(), `select sum(jp.people)::text as total from jst_population jp join jst j on j.teryt = jp.teryt where j.level = 'MUNICIPALITY'`);
      expect(Number(row!.total)).toBe(38_265_013);
      const { coverage } = await seeded.api.data(`{ coverage { populationTotal populationSource { citation year asOf } } }`);
      expect(coverage.populationTotal).toBe(38_265_013);
      expect(coverage.populationSource).toEqual({ citation: 'Źródło: GUS, Bank Danych Lokalnych (stan 31.12.2020)', year: 2020, asOf: '2020-12-31' });
    });

    it('gives every powiat and województwo exactly the sum of its gminy, and every gmina a figure', async () => {
      const units = await query<{ teryt: string; own: number | null; gminy: string | null }>(
        seeded.db.em(),
        `select u.teryt, up.people as own, (select sum(gp.people) from jst g join jst_population gp on gp.teryt = g.teryt
           where g.level = 'MUNICIPALITY' and (g.parent_teryt = u.teryt or g.voivodeship_teryt = u.teryt))::text as gminy
         from jst u left join jst_population up on up.teryt = u.teryt where u.level <> 'MUNICIPALITY'`,
      );
      expect(units).toHaveLength(396);
      expect(units.filter((u) => u.own === null || Number(u.gminy) !== u.own)).toEqual([]);
      const [gminy] = await query<{ n: number }>(seeded.db.em(), `select count(*)::int as n from jst g left join jst_population p on p.teryt = g.teryt where g.level = 'MUNICIPALITY' and p.people is null`);
      expect(gminy!.n).toBe(0);
      const { jst } = await seeded.api.data(LOOKUP, { teryt: '1061011' });
      expect(jst.population).toMatchObject({ people: 672_185, year: 2020, asOf: '2020-12-31' });
    });

    it("sums a partnership's people over its gminy, each once, a powiat member bringing its gminy", async () => {
      const read = `query($slug: String!) { partnership(slug: $slug) { population { people gminy gminyWithoutFigure source { citation } }
        members { jst { teryt level population { people } } } } }`;
      for (const slug of ['blisko-krakowa', 'aglomeracja-opolska']) {
        const { partnership: p } = await seeded.api.data(read, { slug });
        const codes = p.members.map((m: any) => m.jst.teryt);
        const [expected] = await query<{ people: string; gminy: number }>(
          seeded.db.em(),
          `select sum(jp.people)::text as people, count(*)::int as gminy from jst g join jst_population jp on jp.teryt = g.teryt
           where g.level = 'MUNICIPALITY' and (g.teryt = any(?::text[]) or g.parent_teryt = any(?::text[]))`,
          [`{${codes.join(',')}}`, `{${codes.join(',')}}`],
        );
        expect(p.population).toEqual({ people: Number(expected!.people), gminy: expected!.gminy, gminyWithoutFigure: 0, source: { citation: 'Źródło: GUS, Bank Danych Lokalnych (stan 31.12.2020)' } });
        if (p.members.every((m: any) => m.jst.level === 'MUNICIPALITY')) {
          expect(p.population.people).toBe(p.members.reduce((s: number, m: any) => s + m.jst.population.people, 0));
        }
      }
    });

    it('gives coverage the people of the covered gminy, overall and per województwo', async () => {
      const { coverage } = await seeded.api.data(`{ coverage { populationTotal populationCovered populationShare
        byVoivodeship { voivodeship { teryt } populationTotal populationCovered populationShare } } }`);
      const rows = await query<{ v: string; covered: string; total: string }>(
        seeded.db.em(),
        `select g.voivodeship_teryt as v, sum(jp.people)::text as total,
           coalesce(sum(jp.people) filter (where exists (select 1 from membership m join partnership p on p.id = m.partnership_id
             where m.jst_teryt in (g.teryt, g.parent_teryt) and p.archived_at is null and membership_is_current(m."left"))), 0)::text as covered
         from jst g join jst_population jp on jp.teryt = g.teryt where g.level = 'MUNICIPALITY' group by 1 order by 1`,
      );
      expect(coverage.byVoivodeship.map((r: any) => [r.voivodeship.teryt, r.populationTotal, r.populationCovered])).toEqual(rows.map((r) => [r.v, Number(r.total), Number(r.covered)]));
      const covered = rows.reduce((s, r) => s + Number(r.covered), 0);
      expect(coverage.populationCovered).toBe(covered);
      expect(coverage.populationShare).toBeCloseTo(covered / 38_265_013, 10);
      expect(coverage.populationShare).toBeGreaterThan(0);
    });
  });

  describe('TERYT codes, current and former', () => {
    it('answers Piekoszów by its current code 2604143 and by its former 2604142, saying which', async () => {
      const current = (await seeded.api.data(LOOKUP, { teryt: '2604143' })).jst;
      expect(current).toMatchObject({ teryt: '2604143', name: 'Piekoszów', kind: 'GMINA_MIEJSKO_WIEJSKA', matchedCode: { code: '2604143', current: true, currentSince: null } });
      expect(current.formerCodes).toEqual([{ code: '2604142', validTo: '2024-01-01' }]);
      const former = (await seeded.api.data(LOOKUP, { teryt: '2604142' })).jst;
      expect(former).toMatchObject({ teryt: '2604143', name: 'Piekoszów', matchedCode: { code: '2604142', current: false, currentCode: '2604143', currentSince: '2024-01-01' } });
      // A change after 2024 (GUGiK 2026 list): "by 2026", no invented day.
      const later = (await seeded.api.data(LOOKUP, { teryt: '0601052' })).jst;
      expect(later).toMatchObject({ teryt: '0601053', name: 'Janów Podlaski', matchedCode: { current: false, currentSince: '2026' } });
    });

    it('keys the boundaries by current codes: no former code is stored, jstAt answers the current one', async () => {
      const [stored] = await query<{ n: number }>(seeded.db.em(), `select count(*)::int as n from jst where teryt in ('2604142', '0218032', '0601052')`);
      expect(stored!.n).toBe(0);
      const { jstAt } = await seeded.api.data(`query($lon: Float!, $lat: Float!) { jstAt(lon: $lon, lat: $lat) { teryt name } }`, { lon: 20.45, lat: 50.88 });
      expect(jstAt).toEqual({ teryt: '2604143', name: 'Piekoszów' });
    });

    it('says plainly that a new gmina has no boundary (Szczawa 1207132, Grabówka 2002162)', async () => {
      for (const [teryt, name] of [['1207132', 'Szczawa'], ['2002162', 'Grabówka']]) {
        const result = await seeded.api.run(LOOKUP, { teryt });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teryt', reason: 'NO_BOUNDARY' });
        expect(result.errors?.[0]?.message).toContain(name);
      }
    });

    it('filters partnerships by a member given by its former or current code alike', async () => {
      const read = `query($member: String!) { partnerships(filter: { member: $member }) { edges { node { slug } } } }`;
      const byFormer = (await seeded.api.data(read, { member: '2604142' })).partnerships.edges;
      const byCurrent = (await seeded.api.data(read, { member: '2604143' })).partnerships.edges;
      expect(byFormer.length).toBeGreaterThan(0);
      expect(byFormer).toEqual(byCurrent);
    });
  });
});

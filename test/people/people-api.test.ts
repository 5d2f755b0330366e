/**
 * Population (GUS BDL 2020), current and former TERYT codes, inferred memberships: through the API
 * on both backends, checked against the reference file and independent SQL.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { query } from '../../server/db/sql.js';
import { readPopulationFile } from '../../server/population/population-file.js';
import { importPopulation } from '../../server/population/population-import.js';
import { databaseChecksum } from '../support/checksum.js';
import { ExportService } from '../../server/export/export.service.js';
import { parseCsv } from '../../server/import/csv.js';
import { SHARED_REFERENCE } from '../../server/population/population-source.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

/** The GUS total of the gminy file, summed here from the file itself (the README states 38,265,013). */
const fileTotal = () =>
  readFileSync(path.join(SHARED_REFERENCE, 'population-gminy-gus-2020.csv'), 'utf8').trim().split('\n').slice(1)
    .reduce((sum, line) => sum + Number(line.split(',')[6]), 0);

const IMPORT = `mutation($csv: String!) { importPartnerships(csv: $csv, dryRun: false) { applied errors { line field message } } }`;
const AB = 'augustowsko-biebrzanski-park-turystyczny';

const LOOKUP = `query($teryt: String!) { jst(teryt: $teryt) { teryt name kind matchedCode { code current currentCode currentSince }
  formerCodes { code validTo } population { people year asOf source { label citation } } } }`;

describe.each(testBackends())('people on $name', ({ database }) => {
  const statements: string[] = [];
  const seeded = useSeededApi(database, { onQuery: (line) => void (/^\[query\]/.test(line) && statements.push(line)) });

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
      // Leszno's area: the city, powiat leszczyński (3013) and four of its gminy, each gmina counted once.
      for (const slug of ['blisko-krakowa', 'leszczynski-obszar-funkcjonalny']) {
        const { partnership: p } = await seeded.api.data(read, { slug });
        const codes = p.members.map((m: any) => m.jst.teryt);
        const [expected] = await query<{ people: string; gminy: number }>(
          seeded.db.em(),
          `select sum(jp.people)::text as people, count(*)::int as gminy from jst g join jst_population jp on jp.teryt = g.teryt
           where g.level = 'MUNICIPALITY' and (g.teryt = any(?::text[]) or g.parent_teryt = any(?::text[]))`,
          [`{${codes.join(',')}}`, `{${codes.join(',')}}`],
        );
        expect(p.population).toEqual({ people: Number(expected!.people), gminy: expected!.gminy, gminyWithoutFigure: 0, source: { citation: 'Źródło: GUS, Bank Danych Lokalnych (stan 31.12.2020)' } });
        if (slug === 'leszczynski-obszar-funkcjonalny') {
          const [powiat] = await query<{ n: number }>(seeded.db.em(), `select count(*)::int as n from jst where parent_teryt = '3013'`);
          expect(p.population.gminy).toBe(powiat!.n + p.members.filter((m: any) => m.jst.level === 'MUNICIPALITY' && !m.jst.teryt.startsWith('3013')).length);
        }
        if (p.members.every((m: any) => m.jst.level === 'MUNICIPALITY')) {
          expect(p.population.people).toBe(p.members.reduce((s: number, m: any) => s + m.jst.population.people, 0));
        }
      }
    });

    it('reads the population of 50 partnerships in a bounded number of statements (no statement per partnership)', async () => {
      statements.length = 0;
      const { partnerships } = await seeded.api.data(`{ partnerships(first: 50) { edges { node { slug inferredMemberCount population { people gminy } } } } }`);
      expect(partnerships.edges).toHaveLength(50);
      expect(statements.length).toBeLessThanOrEqual(5);
    });

    it('refuses a file naming a code the atlas does not have, writing nothing; the same file again changes nothing', async () => {
      const file = path.join(SHARED_REFERENCE, 'population-powiaty-wojewodztwa-gus-2020.csv');
      const lines = readFileSync(file, 'utf8').split('\n');
      const before = await databaseChecksum(seeded.db.em());
      const unknown = [...lines.slice(0, 3), lines[3]!.replace(/^\d+,woj/, '3299,pow')].join('\n');
      await expect(importPopulation(seeded.db.em(), readPopulationFile(unknown), 'unknown.csv')).rejects.toMatchObject({ field: 'file', details: { reason: 'NOT_FOUND' } });
      expect(await databaseChecksum(seeded.db.em())).toEqual(before);
      const again = await importPopulation(seeded.db.em(), readPopulationFile(readFileSync(file)), file);
      expect(again).toMatchObject({ year: 2020, powiaty: 380, wojewodztwa: 16, total: 38_265_013, mismatches: [] });
      const [sum] = await query<{ n: string }>(seeded.db.em(), `select sum(people)::text as n from jst_population where length(teryt) = 2`);
      expect(Number(sum!.n)).toBe(38_265_013);
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

  describe('inferred memberships', () => {
    let token: string;
    beforeAll(async () => {
      token = (await new TokenService(seeded.db.em()).create('people', Role.EDITOR, null)).secret;
    });

    it('loads the 24 gminy of powiaty augustowski, moniecki and sokólski as INFERRED members of Augustowsko-Biebrzański, with the rule', async () => {
      const { partnership: p } = await seeded.api.data(`query($slug: String!) { partnership(slug: $slug) { statedMemberCount inferredMemberCount
        functionalArea { memberCount } members { basis inferenceRule jst { teryt level parent { name } } sources { ref quote } } } }`, { slug: AB });
      expect(p.members).toHaveLength(24);
      expect(p).toMatchObject({ statedMemberCount: 24, inferredMemberCount: 24, functionalArea: { memberCount: 24 } });
      const counties = p.members.map((m: any) => m.jst.parent.name);
      expect([...new Set(counties)].sort()).toEqual(['augustowski', 'moniecki', 'sokólski']);
      expect(counties.filter((c: string) => c === 'sokólski')).toHaveLength(10);
      for (const m of p.members) {
        expect(m.basis).toBe('INFERRED');
        expect(m.inferenceRule).toMatch(/names the three powiaty .* says 24 gminy; every gmina of those powiaty/);
        expect(m.sources[0].quote).toContain('łącznie 24 gminy');
      }
      const [all] = await query<{ n: number }>(seeded.db.em(), `select count(*)::int as n from jst where level = 'MUNICIPALITY' and parent_teryt in ('2001', '2008', '2011')`);
      expect(all!.n).toBe(24);
      // Elsewhere members are named by their sources.
      const { partnership: gzm } = await seeded.api.data(`{ partnership(slug: "gzm") { inferredMemberCount members { basis inferenceRule } } }`);
      expect(gzm.inferredMemberCount).toBe(0);
      expect(new Set(gzm.members.map((m: any) => `${m.basis}|${m.inferenceRule}`))).toEqual(new Set(['STATED|null']));
    });

    it("counts a programme's JSTs known only by inference (CWD: Augustowsko-Biebrzański's 24)", async () => {
      const { programme } = await seeded.api.data(`{ programme(code: "CWD") { loaded { jsts inferredJsts } } }`);
      expect(programme.loaded.inferredJsts).toBe(24);
      expect(programme.loaded.jsts).toBeGreaterThanOrEqual(24);
    });

    it('imports basis and rule with a former code, exports them, and refuses an inferred member without its rule', async () => {
      const name = 'Partnerstwo Wokół Piekoszowa';
      const rule = 'The source names the gminy around the Chęciny hills; Piekoszów is one of them.';
      const good = `partnership,teryt,source,basis,inference_rule\n${name},2604142,https://example.org/a,inferred,${rule}\n${name},2604033,https://example.org/a,,`;
      const { importPartnerships: r } = await seeded.api.data(IMPORT, { csv: good }, token);
      expect(r).toEqual({ applied: true, errors: [] });
      const { partnership: p } = await seeded.api.data(`{ partnership(slug: "partnerstwo-wokol-piekoszowa") { inferredMemberCount members { basis inferenceRule jst { teryt } } } }`);
      expect(p.inferredMemberCount).toBe(1);
      expect(p.members).toEqual(expect.arrayContaining([
        { basis: 'INFERRED', inferenceRule: rule, jst: { teryt: '2604143' } },
        { basis: 'STATED', inferenceRule: null, jst: { teryt: '2604033' } },
      ]));
      const exported = parseCsv(await new ExportService(seeded.db.em()).partnershipsCsv({ member: '2604143' })).rows.filter((r) => r.values.partnership === 'partnerstwo-wokol-piekoszowa');
      expect(exported.map((r) => [r.values.teryt, r.values.basis, r.values.inference_rule])).toEqual([['2604033', 'STATED', ''], ['2604143', 'INFERRED', rule]]);
      const bad = `partnership,teryt,source,basis\n${name},2604143,https://example.org/a,wywnioskowane`;
      const { importPartnerships: refused } = await seeded.api.data(IMPORT, { csv: bad }, token);
      expect(refused.applied).toBe(false);
      expect(refused.errors).toEqual([expect.objectContaining({ line: 2, field: 'inferenceRule' })]);
    });

    it('writes basis and rule through setMembers, with coded errors for a rule missing or misplaced', async () => {
      const { partnership } = await seeded.api.data(`query($slug: String!) { partnership(slug: $slug) { version } }`, { slug: AB });
      const SET = `mutation($slug: String!, $version: Int!, $members: [MemberInput!]!) { setMembers(slug: $slug, version: $version, members: $members) { inferredMemberCount members { basis jst { teryt } } } }`;
      const src = [{ ref: 'https://example.org/lista' }];
      const missing = await seeded.api.run(SET, { slug: AB, version: partnership.version, members: [{ teryt: '2001011', basis: 'INFERRED', sources: src }] }, token);
      expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members[0].inferenceRule', reason: 'EMPTY' });
      const misplaced = await seeded.api.run(SET, { slug: AB, version: partnership.version, members: [{ teryt: '2001011', inferenceRule: 'x', sources: src }] }, token);
      expect(misplaced.errors?.[0]?.extensions).toMatchObject({ field: 'members[0].inferenceRule', reason: 'NOT_ALLOWED' });
      const { setMembers } = await seeded.api.data(SET, { slug: AB, version: partnership.version, members: [
        { teryt: '2001011', sources: src }, { teryt: '2001022', basis: 'INFERRED', inferenceRule: 'rural gmina of the same powiat', sources: src },
      ] }, token);
      expect(setMembers).toEqual({ inferredMemberCount: 1, members: [{ basis: 'STATED', jst: { teryt: '2001011' } }, { basis: 'INFERRED', jst: { teryt: '2001022' } }] });
    });
  });
});

import { beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { query } from '../../server/db/sql.js';
import { testBackends } from '../support/database.js';
import { participationFixture, partnershipFixture, SRC } from '../support/editing-fixtures.js';
import { useSeededApi } from '../support/seeded-api.js';

/**
 * Time in the API on the seed: programme periods, `asOf`, past-day functional areas and `changesBetween`.
 * The figures are the sources' (issue 12): ZIT 2014–2020 counts neither the 6 Aglomeracja Wałbrzyska
 * gminy of its 2021–2027 strategy, nor Błażowa and Hyżne (ROF, 17.11.2021), nor the 5 gminy of
 * Gorzów's 2021–2027 MOF list.
 */
const teryts = (list: { jst: { teryt: string } }[]) => list.map((m) => m.jst.teryt).sort();

const ROF = 'rzeszowski-obszar-funkcjonalny';
const ROF_2021 = ['1816023', '1816072']; // Błażowa, Hyżne
const KATOWICE = { lon: 19.02, lat: 50.26 };

describe.each(testBackends())('time in the API on $name', ({ database }) => {
  const seeded = useSeededApi(database);

  describe('programme periods', () => {
    it('counts for ZIT 2014–2020 only the members of the period: 149 JSTs, 146 gminy', async () => {
      const { programme } = await seeded.api.data(`{ programme(code: "ZIT-2014-2020") { loaded { jsts gminy confirmed { jsts gminy } probable { jsts gminy partnerships } } } }`);
      expect(programme.loaded).toEqual({ jsts: 149, gminy: 146, confirmed: { jsts: 149, gminy: 146 }, probable: { jsts: 0, gminy: 0, partnerships: 0 } });
    });

    it('gives ZIT 2014–2020 in dolnośląskie the 35 gminy of the period, not the 41 of today', async () => {
      const { period, today } = await seeded.api.data(`{
        period: coverage(programme: "ZIT-2014-2020", voivodeship: "02") { gminyCovered }
        today: coverage(programme: "ZIT-2021-2027", voivodeship: "02") { gminyCovered } }`);
      expect(period.gminyCovered).toBe(35);
      expect(today.gminyCovered).toBeGreaterThan(35); // AW's 28 of 2021–2027 and ZIT ZOF's gminy
    });

    it('counts the 22 gminy of Aglomeracja Wałbrzyska for the first SLZ edition (2014), not today\'s 28', async () => {
      const { coverage, partnership } = await seeded.api.data(`{
        coverage(programme: "SLZ", voivodeship: "02") { gminyCovered }
        partnership(slug: "aglomeracja-walbrzyska") { members { jst { teryt } } } }`);
      expect(partnership.members).toHaveLength(28);
      expect(coverage.gminyCovered).toBe(22);
    });

    it('lists the members each participation counts: AW has 22 for ZIT 2014–2020 and 28 for ZIT 2021–2027', async () => {
      const { partnership } = await seeded.api.data(`{ partnership(slug: "aglomeracja-walbrzyska") { participations { programme { code } members { jst { teryt } } } } }`);
      const counted = Object.fromEntries(partnership.participations.map((p: { programme: { code: string }; members: unknown[] }) => [p.programme.code, p.members.length]));
      expect(counted).toEqual({ SLZ: 22, 'ZIT-2014-2020': 22, 'ZIT-2021-2027': 28 });
    });

    it('splits loaded figures into confirmed and probable participations', async () => {
      const { programme } = await seeded.api.data(`{ programme(code: "CWD-PLUS") { loaded { partnerships confirmed { partnerships } probable { partnerships } } } }`);
      const { confirmed, probable, partnerships } = programme.loaded;
      expect(probable.partnerships).toBeGreaterThan(0);
      expect(confirmed.partnerships).toBeGreaterThan(0);
      expect(confirmed.partnerships + probable.partnerships).toBe(partnerships);
    });
  });

  describe('asOf', () => {
    it('leaves ended KZK GOP out of today\'s answers and counts it on 2015-06-01', async () => {
      const read = `query($asOf: String) {
        coverage(voivodeship: "24", legalForms: [INTERMUNICIPAL_UNION], asOf: $asOf) { partnerships gminyCovered }
        partnershipsAt(lon: ${KATOWICE.lon}, lat: ${KATOWICE.lat}, asOf: $asOf) { slug }
        partnership(slug: "kzk-gop", asOf: $asOf) { started ended endReason successor { slug } periodSources { ref } members { current jst { teryt } } functionalArea { memberCount areaKm2 } } }`;
      const today = await seeded.api.data(read);
      const then = await seeded.api.data(read, { asOf: '2015-06-01' });
      expect(today.coverage).toEqual({ partnerships: 0, gminyCovered: 0 });
      expect(today.partnershipsAt.map((p: { slug: string }) => p.slug)).not.toContain('kzk-gop');
      expect(today.partnership).toMatchObject({ started: '1991', ended: '2019-01-01', endReason: 'REPLACED', successor: { slug: 'gzm' }, members: [], functionalArea: { memberCount: 0, areaKm2: 0 } });
      expect(today.partnership.periodSources.length).toBeGreaterThan(0);

      expect(then.coverage).toEqual({ partnerships: 1, gminyCovered: 11 });
      expect(then.partnershipsAt.map((p: { slug: string }) => p.slug)).toContain('kzk-gop');
      expect(then.partnership.members).toHaveLength(11);
      expect(then.partnership.members.every((m: { current: boolean }) => m.current)).toBe(true);
      expect(then.partnership.functionalArea.memberCount).toBe(11);
    });

    it('lists on a past day only the partnerships running then, with that day\'s members', async () => {
      const read = `query($asOf: String) { partnerships(first: 200, asOf: $asOf) { totalCount edges { node { slug members { jst { teryt } } } } } }`;
      const today = await seeded.api.data(read);
      const then = await seeded.api.data(read, { asOf: '2015-06-01' });
      const node = (data: any, slug: string) => data.partnerships.edges.find((e: { node: { slug: string } }) => e.node.slug === slug)?.node;
      expect(then.partnerships.totalCount).toBeLessThan(today.partnerships.totalCount);
      expect(node(then, 'zit-zachodni-obszar-funkcjonalny')).toBeUndefined(); // agreement of 12.07.2023
      expect(node(today, 'aglomeracja-walbrzyska').members).toHaveLength(28);
      expect(node(then, 'aglomeracja-walbrzyska').members).toHaveLength(22);
      expect(teryts(node(then, 'goap').members)).toContain('3064011'); // Poznań, left 1.01.2022
      expect(teryts(node(today, 'goap').members)).not.toContain('3064011');
    });

    it('answers a JST\'s memberships and jstAt for the day asked', async () => {
      const read = `query($asOf: String) {
        jst(teryt: "3064011", asOf: $asOf) { memberships { current partnership { slug } } }
        jstAt(lon: 16.93, lat: 52.41, asOf: $asOf) { teryt memberships { partnership { slug } } }
        jsts(filter: { memberOf: "goap" }, asOf: $asOf) { totalCount } }`;
      const slugs = (list: { partnership: { slug: string } }[]) => list.map((m) => m.partnership.slug);
      const today = await seeded.api.data(read);
      const then = await seeded.api.data(read, { asOf: '2021-06-01' });
      expect(slugs(today.jst.memberships)).not.toContain('goap');
      expect(slugs(then.jst.memberships)).toContain('goap');
      expect(then.jst.memberships.every((m: { current: boolean }) => m.current)).toBe(true);
      expect(then.jstAt.teryt).toBe('3064011');
      expect(slugs(then.jstAt.memberships)).toContain('goap');
      expect(then.jsts.totalCount).toBe(today.jsts.totalCount + 1);
    });

    it('computes a past day\'s functional area from that day\'s members: ROF before Błażowa and Hyżne joined', async () => {
      const read = `query($asOf: String) { partnership(slug: "${ROF}", asOf: $asOf) {
        members { jst { teryt areaKm2 } } functionalArea { memberCount areaKm2 bbox geometry(precision: 5) } } }`;
      const today = (await seeded.api.data(read)).partnership;
      const then = (await seeded.api.data(read, { asOf: '2021-11-16' })).partnership;
      expect(teryts(today.members)).toEqual(expect.arrayContaining(ROF_2021));
      expect(teryts(then.members)).toEqual(teryts(today.members).filter((t) => !ROF_2021.includes(t)));
      expect(then.functionalArea.memberCount).toBe(13);
      expect(today.functionalArea.memberCount).toBe(15);
      expect(then.functionalArea.areaKm2).toBeLessThan(today.functionalArea.areaKm2);
      expect(then.functionalArea.geometry).not.toEqual(today.functionalArea.geometry);
      const sum = then.members.reduce((acc: number, m: { jst: { areaKm2: number } }) => acc + m.jst.areaKm2, 0);
      expect(Math.abs(then.functionalArea.areaKm2 - sum) / sum).toBeLessThan(0.005);
      // The very union PostGIS makes of those 13 boundaries.
      const [union] = await query<{ km2: number }>(
        seeded.db.em(),
        `select ST_Area(ST_Union(boundary)::geography) / 1e6 as km2 from jst where teryt = any(?::text[])`,
        [`{${teryts(then.members).join(',')}}`],
      );
      expect(then.functionalArea.areaKm2).toBeCloseTo(union!.km2, 3);
      // A spatial filter on that day meets that day's area: Błażowa's centre is outside it.
      const blazowa = `{ lon: 22.1, lat: 49.88 }`;
      const at = `query($asOf: String) { partnerships(filter: { containsPoint: ${blazowa} }, asOf: $asOf) { edges { node { slug } } } }`;
      const inside = async (asOf?: string) => (await seeded.api.data(at, { asOf })).partnerships.edges.map((e: { node: { slug: string } }) => e.node.slug);
      expect(await inside()).toContain(ROF);
      expect(await inside('2021-11-16')).not.toContain(ROF);
    });

    it.each([
      ['a month', '2015-06'],
      ['a year', '2015'],
      ['an impossible day', '2015-02-30'],
      ['a word', 'yesterday'],
      ['an empty string', ''],
    ])('refuses %s as asOf with a coded error', async (_, asOf) => {
      for (const read of [
        `query($asOf: String) { partnerships(asOf: $asOf) { totalCount } }`,
        `query($asOf: String) { coverage(asOf: $asOf) { gminyCovered } }`,
        `query($asOf: String) { jst(teryt: "12", asOf: $asOf) { name } }`,
      ]) {
        const { errors, data } = await seeded.api.run(read, { asOf });
        expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
        expect(Object.values(data ?? {}).every((value) => value === null)).toBe(true); // nothing half-answered
      }
    });
  });

  describe('changesBetween', () => {
    it('lists who joined and left in 2021–2022, from the dated facts', async () => {
      const { changesBetween: changes } = await seeded.api.data(`{ changesBetween(from: "2021-01-01", to: "2022-12-31") {
        from to joined { date jst { teryt } partnership { slug } sources { ref } } left { date jst { teryt } partnership { slug } }
        partnershipsStarted { date partnership { slug } } partnershipsEnded { date } } }`);
      const key = (c: { jst: { teryt: string }; partnership: { slug: string }; date: string }) => `${c.partnership.slug}/${c.jst.teryt}@${c.date}`;
      expect(changes.joined.map(key)).toEqual(expect.arrayContaining([`${ROF}/1816023@2021-11-17`, `${ROF}/1816072@2021-11-17`]));
      expect(changes.left.map(key)).toEqual([`goap/3064011@2022-01-01`]);
      expect(changes.joined.every((c: { sources: unknown[] }) => c.sources.length > 0)).toBe(true);
      expect(changes.joined.map(key)).not.toContain(`goap/3021152@2013-12-31`);
      expect(changes.partnershipsEnded).toEqual([]);
    });

    it('lists KZK GOP as ended on 1 January 2019, and its replacement', async () => {
      const { changesBetween: changes } = await seeded.api.data(`{ changesBetween(from: "2019-01-01", to: "2019-01-01") { left { jst { teryt } } partnershipsEnded { date endReason partnership { slug successor { slug } } sources { ref } } } }`);
      expect(changes.partnershipsEnded).toMatchObject([{ date: '2019-01-01', endReason: 'REPLACED', partnership: { slug: 'kzk-gop', successor: { slug: 'gzm' } } }]);
      expect(changes.left).toHaveLength(11);
    });

    it.each([
      ['reversed days', '2022-12-31', '2021-01-01', 'to', 'OUT_OF_ORDER'],
      ['a malformed from', '2021-1-1', '2022-12-31', 'from', 'MALFORMED'],
      ['an impossible to', '2021-01-01', '2022-13-01', 'to', 'OUT_OF_RANGE'],
    ])('refuses %s with a coded error', async (_, from, to, field, reason) => {
      const { errors } = await seeded.api.run(`query($from: String!, $to: String!) { changesBetween(from: $from, to: $to) { from } }`, { from, to });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    });
  });

  // Last: these write (fresh partnerships in małopolskie), and nothing above reads them.
  describe('writing life spans', () => {
    let admin: string;
    beforeAll(async () => {
      admin = (await new TokenService(seeded.db.em()).create('czas', Role.ADMIN, null)).secret;
    });
    const UPDATE = `mutation($slug: String!, $version: Int!, $input: PartnershipPatch!) {
      updatePartnership(slug: $slug, version: $version, input: $input) { version started ended endReason successor { slug } periodSources { ref } history { action after } } }`;

    it('writes started, ended, endReason, successor and their sources, and records them in the history', async () => {
      const p = await partnershipFixture(seeded.api, admin, ['12'], ['1201022', '1201032'], 'czas');
      const input = { started: '2015-03', ended: '2020-01-01', endReason: 'MERGED', successor: 'metropolia-krakowska', periodSources: SRC };
      const { updatePartnership: written } = await seeded.api.data(UPDATE, { slug: p.slug, version: p.version, input }, admin);
      expect(written).toMatchObject({ started: '2015-03', ended: '2020-01-01', endReason: 'MERGED', successor: { slug: 'metropolia-krakowska' }, periodSources: [{ ref: SRC[0]!.ref }] });
      expect(written.history[0]).toMatchObject({ action: 'UPDATE', after: { started: '2015-03', ended: '2020-01-01', endReason: 'MERGED' } });
      const { partnership } = await seeded.api.data(`{ partnership(slug: "${p.slug}") { members { jst { teryt } } } }`);
      expect(partnership.members).toEqual([]); // ended: nobody is a member today
    });

    it.each([
      ['an end before the start', { started: '2020', ended: '2019-12-31', periodSources: SRC }, 'ended', 'OUT_OF_ORDER'],
      ['an end reason without an end', { endReason: 'DISSOLVED' }, 'endReason', 'NEEDS_END'],
      ['a date without a source', { started: '2020' }, 'periodSources', 'EMPTY'],
      ['an unknown successor', { successor: 'nie-ma-takiego' }, 'successor', 'NOT_FOUND'],
      ['a malformed end', { ended: '2020-13', periodSources: SRC }, 'ended', 'OUT_OF_RANGE'],
    ])('refuses %s and writes nothing', async (_, input, field, reason) => {
      const p = await partnershipFixture(seeded.api, admin, ['12'], ['1201022'], 'czas-zle');
      const { errors } = await seeded.api.run(UPDATE, { slug: p.slug, version: p.version, input }, admin);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
      const { partnership } = await seeded.api.data(`{ partnership(slug: "${p.slug}") { version started ended endReason } }`);
      expect(partnership).toEqual({ version: p.version, started: null, ended: null, endReason: null });
    });

    it('refuses a partnership as its own successor', async () => {
      const p = await partnershipFixture(seeded.api, admin, ['12'], ['1201022'], 'czas-sam');
      const { errors } = await seeded.api.run(UPDATE, { slug: p.slug, version: p.version, input: { successor: p.slug } }, admin);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'successor', reason: 'SELF_REFERENCE' });
    });

    it('writes a participation\'s own period, checked like any period', async () => {
      const p = await partnershipFixture(seeded.api, admin, ['12'], ['1201022'], 'czas-udzial');
      const { id, version } = await participationFixture(seeded.api, admin, p.slug);
      const UPDATE_PARTICIPATION = `mutation($id: Int!, $version: Int!, $input: ParticipationPatch!) { updateParticipation(id: $id, version: $version, input: $input) { started ended } }`;
      const bad = await seeded.api.run(UPDATE_PARTICIPATION, { id, version, input: { started: '2021-05', ended: '2021-04-30' } }, admin);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ended', reason: 'OUT_OF_ORDER' });
      const { updateParticipation } = await seeded.api.data(UPDATE_PARTICIPATION, { id, version, input: { started: '2021-05', ended: '2021-09' } }, admin);
      expect(updateParticipation).toEqual({ started: '2021-05', ended: '2021-09' });
    });
  });
});

import { beforeAll, describe, expect, it } from '@jest/globals';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends } from '../support/database.js';
import { CREATE, createTestTokens, members, partnershipFixture, SRC, uniqueSlug, type TestTokens } from '../support/editing-fixtures.js';
import { useSeededApi } from '../support/seeded-api.js';

const UPDATE = `mutation($slug: String!, $version: Int!, $input: PartnershipPatch!) { updatePartnership(slug: $slug, version: $version, input: $input) { name version voivodeships } }`;
const SET_MEMBERS = `mutation($slug: String!, $version: Int!, $members: [MemberInput!]!, $leader: String) {
  setMembers(slug: $slug, version: $version, members: $members, leader: $leader) {
    version leader { teryt } members(includeFormer: true) { role joined left version jst { teryt } } functionalArea { memberCount areaKm2 } } }`;
const HISTORY = `query($slug: String!) { partnership(slug: $slug) { history { actor action entity entityKey before after } } }`;

// Gminy of powiat bocheński (małopolskie, 12): Bochnia (rural) 1201022, Drwinia 1201032, Rzezawa 1201052.
describe.each(testBackends())('editing on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  let tokens: TestTokens;
  beforeAll(async () => {
    tokens = await createTestTokens(seeded.db.em());
  });

  const create = (slug: string, token: string | undefined, extra: Record<string, unknown> = {}) =>
    seeded.api.run(CREATE, { input: { slug, name: `Partnerstwo ${slug}`, sources: SRC, voivodeships: ['12'], members: members('1201022', '1201032'), leader: '1201022', ...extra } }, token);
  /** A fresh partnership of Bochnia and Drwinia (małopolskie), created with the admin token. */
  const fresh = (prefix: string) => partnershipFixture(seeded.api, tokens.admin, ['12'], ['1201022', '1201032'], prefix);

  describe('who may write', () => {
    it('refuses a write without a token as UNAUTHENTICATED', async () => {
      expect((await create(uniqueSlug('bez-tokenu'), undefined)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an unknown token and a revoked one as UNAUTHENTICATED', async () => {
      expect((await create(uniqueSlug('zly'), tokens.forged)).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'the API token is not known' });
      expect((await create(uniqueSlug('odwolany'), tokens.revoked)).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'the API token was revoked' });
    });

    it('still lets anyone read, even with a bad token', async () => {
      expect((await seeded.api.run(`{ programmes { code } }`, {}, tokens.forged)).errors).toBeUndefined();
    });

    it('lets an admin create a token that stops working once revoked', async () => {
      const name = uniqueSlug('nowy');
      const { createToken } = await seeded.api.data(`mutation($name: String!) { createToken(name: $name, role: EDITOR, voivodeships: ["12"]) { role voivodeships secret } }`, { name }, tokens.admin);
      expect(createToken).toMatchObject({ role: 'EDITOR', voivodeships: ['12'], secret: expect.stringMatching(/^atlas_/) });
      await seeded.api.data(`mutation($name: String!) { revokeToken(name: $name) }`, { name }, tokens.admin);
      const p = await fresh('po-odwolaniu');
      const after = await seeded.api.run(`mutation($slug: String!) { archivePartnership(slug: $slug, version: 1) { slug } }`, { slug: p.slug }, createToken.secret);
      expect(after.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'the API token was revoked' });
    });

    it('tells a regional editor which województwa its change touches', async () => {
      const outside = await create(uniqueSlug('poza'), tokens.regional, { voivodeships: ['02', '12'], members: members('1201022', '0201011') });
      expect(outside.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(outside.errors?.[0]?.message).toMatch(/may edit only in województwa 12; this change touches województwa 02/);
    });
  });

  describe('validation before writing', () => {
    it.each([
      ['an unknown TERYT code', { members: members('1201091'), leader: null }, 'members[0].teryt', /no JST with TERYT code 1201091/],
      ['a malformed TERYT code', { members: members('12010'), leader: null }, 'members[0].teryt', /2 \(województwo\)/],
      ['a JST listed twice', { members: members('1201022', '1201022'), leader: null }, 'members[1].teryt', /listed twice/],
      ['dates out of order', { members: [{ teryt: '1201022', role: 'MEMBER', joined: '2020-05-01', left: '2019', sources: SRC }], leader: null }, 'members[0].left', /before joined/],
      ['an impossible date', { members: [{ teryt: '1201022', role: 'MEMBER', joined: '2020-13-01', sources: SRC }], leader: null }, 'members[0].joined', /YYYY-MM-DD/],
      ['a leader who is not a member', { leader: '1201011' }, 'leader', /must be one of the members/],
      ['a member without a source', { members: [{ teryt: '1201022', role: 'MEMBER', sources: [] }], leader: null }, 'members[0].sources', /at least one source/],
      ['a bad slug', { slug: 'Zły Slug' }, 'slug', /lowercase letters/],
      ['a slug that exists', { slug: 'gzm' }, 'slug', /exists already/],
      ['a website that is not a URL', { website: 'javascript:alert(1)' }, 'website', /http\(s\) URL/],
      ['no województwo', { voivodeships: null }, 'voivodeships', /at least one województwo/],
      ['an empty list of województwa', { voivodeships: [] }, 'voivodeships', /at least one województwo/],
      ['a code that is no województwo', { voivodeships: ['13'] }, 'voivodeships[0]', /even number from 02 to 32/],
      ['a powiat as województwo', { voivodeships: ['1201'] }, 'voivodeships[0]', /2-digit TERC code/],
      ['a member outside its województwa', { voivodeships: ['12'], members: members('1201022', '2261011'), leader: null }, 'members[1].teryt', /2261011 lies in województwo 22/],
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_what, extra, field, rule) => {
      const before = await databaseChecksum(seeded.db.em());
      const result = await create('walidacja', tokens.national, extra);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0]?.message).toMatch(rule);
      expect(await databaseChecksum(seeded.db.em())).toEqual(before);
    });
  });

  describe('partnerships and their members', () => {
    it('creates a partnership whose functional area is its members at once', async () => {
      const slug = uniqueSlug('bochenskie');
      const { createPartnership: p } = await seeded.api.data(CREATE, { input: { slug, name: 'Partnerstwo Bocheńskie', sources: SRC, voivodeships: ['12'], members: members('1201022', '1201032'), leader: '1201022' } }, tokens.national);
      expect(p).toMatchObject({ slug, version: 1, voivodeships: ['12'], leader: { teryt: '1201022' }, functionalArea: { memberCount: 2 } });
    });

    it('adds a member, and the area follows', async () => {
      const p = await fresh('dodaj');
      const { partnership } = await seeded.api.data(`query($slug: String!) { partnership(slug: $slug) { functionalArea { areaKm2 } } }`, { slug: p.slug });
      const { setMembers } = await seeded.api.data(SET_MEMBERS, { slug: p.slug, version: p.version, members: members('1201022', '1201032', '1201052') }, tokens.regional);
      expect(setMembers).toMatchObject({ version: p.version + 1, functionalArea: { memberCount: 3 } });
      expect(setMembers.functionalArea.areaKm2).toBeGreaterThan(partnership.functionalArea.areaKm2);
    });

    it('changes a member\'s role and dates, and removes one, recording each', async () => {
      const p = await fresh('zmien');
      const changed = [{ teryt: '1201022', role: 'LEADER', joined: '2015', left: null, sources: SRC }];
      const { setMembers } = await seeded.api.data(SET_MEMBERS, { slug: p.slug, version: p.version, members: changed, leader: '1201022' }, tokens.regional);
      expect(setMembers.members).toEqual([{ role: 'LEADER', joined: '2015', left: null, version: 2, jst: { teryt: '1201022' } }]);
      expect(setMembers).toMatchObject({ version: p.version + 1, leader: { teryt: '1201022' }, functionalArea: { memberCount: 1 } });
      const { partnership } = await seeded.api.data(HISTORY, { slug: p.slug });
      const entry = (action: string) => partnership.history.find((h: { action: string }) => h.action === action);
      expect(entry('UPDATE_MEMBER')).toMatchObject({ actor: 'UM Małopolska', entityKey: `${p.slug}/1201022`, before: { role: 'MEMBER', joined: null }, after: { role: 'LEADER', joined: '2015' } });
      expect(entry('REMOVE_MEMBER')).toMatchObject({ entityKey: `${p.slug}/1201032`, before: { teryt: '1201032' }, after: null });
    });

    it('keeps a member who left as historical, out of the area', async () => {
      const p = await fresh('odszedl');
      const list = [...members('1201022'), { teryt: '1201032', role: 'MEMBER', joined: '2015', left: '2020-06-30', sources: SRC }];
      const { setMembers } = await seeded.api.data(SET_MEMBERS, { slug: p.slug, version: p.version, members: list }, tokens.regional);
      expect(setMembers.members).toHaveLength(2);
      expect(setMembers.functionalArea.memberCount).toBe(1);
    });

    it('refuses members outside the partnership\'s województwa until they are added to it', async () => {
      const p = await fresh('rozszerz');
      const before = await databaseChecksum(seeded.db.em());
      const refused = await seeded.api.run(SET_MEMBERS, { slug: p.slug, version: p.version, members: members('1201022', '2261011') }, tokens.national);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members[1].teryt' });
      expect(await databaseChecksum(seeded.db.em())).toEqual(before);
      const { updatePartnership } = await seeded.api.data(UPDATE, { slug: p.slug, version: p.version, input: { voivodeships: ['22', '12'] } }, tokens.national);
      expect(updatePartnership).toMatchObject({ voivodeships: ['12', '22'], version: p.version + 1 });
      expect((await seeded.api.run(SET_MEMBERS, { slug: p.slug, version: p.version + 1, members: members('1201022', '2261011') }, tokens.national)).errors).toBeUndefined();
    });

    it('refuses to drop a województwo a member lies in', async () => {
      const p = await partnershipFixture(seeded.api, tokens.admin, ['12', '22'], ['1201022', '2261011'], 'dwa');
      const result = await seeded.api.run(UPDATE, { slug: p.slug, version: p.version, input: { voivodeships: ['12'] } }, tokens.national);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voivodeships' });
      expect(result.errors?.[0]?.message).toMatch(/2261011 lies in województwo 22/);
    });

    it('records who changed what, with values before and after', async () => {
      const p = await fresh('historia');
      await seeded.api.data(UPDATE, { slug: p.slug, version: p.version, input: { name: 'Nowa nazwa' } }, tokens.national);
      const { partnership } = await seeded.api.data(HISTORY, { slug: p.slug });
      expect(partnership.history.map((h: { action: string }) => h.action)).toEqual(['UPDATE', 'ADD_MEMBER', 'ADD_MEMBER', 'CREATE']);
      expect(partnership.history[0]).toMatchObject({ actor: 'redakcja', entity: 'partnership', entityKey: p.slug, before: { name: `Partnerstwo ${p.slug}`, version: 1 }, after: { name: 'Nowa nazwa', version: 2 } });
    });

    it('lists changes since a moment and by a token', async () => {
      const since = new Date().toISOString();
      const p = await fresh('zmiany');
      await seeded.api.data(UPDATE, { slug: p.slug, version: p.version, input: { website: 'https://example.org' } }, tokens.national);
      const data = await seeded.api.data(`query($since: DateTimeISO!) { changes(by: "redakcja", since: $since) { totalCount edges { node { actor action entityKey } } } }`, { since });
      expect(data.changes.edges.map((e: { node: unknown }) => e.node)).toEqual([{ actor: 'redakcja', action: 'UPDATE', entityKey: p.slug }]);
    });

    it('archives a partnership: kept, but out of lists, and not twice', async () => {
      const p = await fresh('archiwum');
      const { archivePartnership } = await seeded.api.data(`mutation($slug: String!, $v: Int!) { archivePartnership(slug: $slug, version: $v) { archivedAt version } }`, { slug: p.slug, v: p.version }, tokens.regional);
      expect(archivePartnership).toMatchObject({ archivedAt: expect.any(String), version: p.version + 1 });
      const lists = await seeded.api.data(`query($s: String!) { active: partnerships(filter: { search: $s }) { totalCount } all: partnerships(filter: { search: $s, includeArchived: true }) { totalCount } }`, { s: p.slug });
      expect(lists).toEqual({ active: { totalCount: 0 }, all: { totalCount: 1 } });
      const again = await seeded.api.run(`mutation($slug: String!, $v: Int!) { archivePartnership(slug: $slug, version: $v) { version } }`, { slug: p.slug, v: p.version + 1 }, tokens.regional);
      expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'slug' }, message: expect.stringMatching(/archived already/) });
    });

    it('lets an admin create and update a programme', async () => {
      const created = await seeded.api.data(`mutation { createProgramme(input: { code: "FEPW-2027", name: "Fundusze Europejskie", funder: "UE", sources: [{ ref: "https://example.org/fe" }] }) { code version } }`, {}, tokens.admin);
      expect(created.createProgramme).toEqual({ code: 'FEPW-2027', version: 1 });
      const updated = await seeded.api.data(`mutation { updateProgramme(code: "FEPW-2027", version: 1, input: { startDate: "2021" }) { startDate version } }`, {}, tokens.admin);
      expect(updated.updateProgramme).toEqual({ startDate: '2021', version: 2 });
    });
  });

  describe('no lost updates', () => {
    it('refuses a stale version with CONFLICT naming the current one, writing nothing', async () => {
      const p = await fresh('konflikt');
      await seeded.api.data(UPDATE, { slug: p.slug, version: p.version, input: { name: 'Pierwsza' } }, tokens.national);
      const before = await databaseChecksum(seeded.db.em());
      for (const stale of [
        await seeded.api.run(UPDATE, { slug: p.slug, version: p.version, input: { name: 'Druga' } }, tokens.national),
        await seeded.api.run(SET_MEMBERS, { slug: p.slug, version: p.version, members: members('1201022') }, tokens.national),
        await seeded.api.run(`mutation($slug: String!, $v: Int!) { archivePartnership(slug: $slug, version: $v) { version } }`, { slug: p.slug, v: p.version }, tokens.national),
      ]) {
        expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: p.version + 1 });
      }
      expect(await databaseChecksum(seeded.db.em())).toEqual(before);
    });
  });
});

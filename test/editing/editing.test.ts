import { beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { query } from '../../server/db/sql.js';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const SRC = [{ ref: 'https://example.org/uchwala', quote: 'Gminy zawarły porozumienie.' }];
const CREATE = `mutation($input: PartnershipInput!) { createPartnership(input: $input) { slug version leader { teryt } members { role jst { teryt } } functionalArea { memberCount areaKm2 } } }`;
const UPDATE = `mutation($slug: String!, $version: Int!, $input: PartnershipPatch!) { updatePartnership(slug: $slug, version: $version, input: $input) { name version } }`;
const SET_MEMBERS = `mutation($slug: String!, $version: Int!, $members: [MemberInput!]!, $leader: String) {
  setMembers(slug: $slug, version: $version, members: $members, leader: $leader) { version members { jst { teryt } } functionalArea { memberCount areaKm2 } } }`;

// Three gminy of powiat bocheński (małopolskie, 12): Bochnia (rural), Drwinia, Rzezawa.
const members = (...teryts: string[]) => teryts.map((teryt) => ({ teryt, role: 'MEMBER', sources: SRC }));

describe.each(testBackends())('editing on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const service = new TokenService(seeded.db.em());
    tokens.editor = (await service.create('redakcja', Role.EDITOR, null)).secret;
    tokens.malopolska = (await service.create('UM Małopolska', Role.EDITOR, ['12'])).secret;
    tokens.admin = (await service.create('ministerstwo', Role.ADMIN, null)).secret;
    tokens.revoked = (await service.create('dawny', Role.EDITOR, null)).secret;
    await service.revoke('dawny');
  });

  const create = (slug: string, token = tokens.editor, extra: Record<string, unknown> = {}) =>
    seeded.api.run(CREATE, { input: { slug, name: `Partnerstwo ${slug}`, sources: SRC, members: members('1201022', '1201032'), leader: '1201022', ...extra } }, token);

  describe('who may write', () => {
    it('refuses a write without a token as UNAUTHENTICATED', async () => {
      const result = await create('bez-tokenu', '');
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an unknown token and a revoked one as UNAUTHENTICATED', async () => {
      expect((await create('zly-token', 'atlas_nope')).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'the API token is not known' });
      expect((await create('odwolany', tokens.revoked)).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'the API token was revoked' });
    });

    it('still lets anyone read, even with a bad token', async () => {
      const result = await seeded.api.run(`{ programmes { code } }`, {}, 'atlas_nope');
      expect(result.errors).toBeUndefined();
    });

    it('refuses programme changes to an editor as FORBIDDEN', async () => {
      const result = await seeded.api.run(`mutation { createProgramme(input: { code: "NEW-1", name: "Nowy", funder: "MFiPR", sources: [{ ref: "https://example.org" }] }) { code } }`, {}, tokens.editor);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('lets an admin, and only an admin, create and revoke tokens through the API', async () => {
      const denied = await seeded.api.run(`mutation { createToken(name: "nowy", role: EDITOR) { secret } }`, {}, tokens.editor);
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const { createToken } = await seeded.api.data(`mutation { createToken(name: "nowy", role: EDITOR, voivodeships: ["12"]) { role voivodeships secret } }`, {}, tokens.admin);
      expect(createToken).toMatchObject({ role: 'EDITOR', voivodeships: ['12'], secret: expect.stringMatching(/^atlas_/) });
      await seeded.api.data(`mutation { revokeToken(name: "nowy") }`, {}, tokens.admin);
      const after = await seeded.api.run(`mutation { archivePartnership(slug: "gzm", version: 1) { slug } }`, {}, createToken.secret);
      expect(after.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'the API token was revoked' });
    });

    it('lets a regional editor change only JSTs of its województwa', async () => {
      expect((await create('w-malopolsce', tokens.malopolska)).errors).toBeUndefined();
      const outside = await create('poza-regionem', tokens.malopolska, { members: members('1201022', '0201011'), leader: '1201022' });
      expect(outside.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(outside.errors?.[0]?.message).toMatch(/may edit only in województwa 12; this change touches 0201011/);
    });

    it('changes nothing on any denied attempt', async () => {
      const before = await databaseChecksum(seeded.db.em());
      await create('x-bez-tokenu', '');
      await create('x-poza', tokens.malopolska, { members: members('0201011'), leader: '0201011' });
      expect(await databaseChecksum(seeded.db.em())).toEqual(before);
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
    ])('rejects %s with BAD_USER_INPUT and writes nothing', async (_what, extra, field, rule) => {
      const before = await databaseChecksum(seeded.db.em());
      const input = { slug: 'walidacja', name: 'Walidacja', sources: SRC, members: members('1201022', '1201032'), leader: '1201022', ...extra };
      const result = await seeded.api.run(CREATE, { input }, tokens.editor);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0]?.message).toMatch(rule);
      expect(await databaseChecksum(seeded.db.em())).toEqual(before);
    });
  });

  describe('changes and their history', () => {
    it('creates a partnership whose functional area is its members at once', async () => {
      const { createPartnership: p } = await seeded.api.data(CREATE, { input: { slug: 'bochenskie', name: 'Partnerstwo Bocheńskie', sources: SRC, members: members('1201022', '1201032'), leader: '1201022' } }, tokens.editor);
      expect(p).toMatchObject({ slug: 'bochenskie', version: 1, leader: { teryt: '1201022' }, functionalArea: { memberCount: 2 } });
    });

    it('replaces the member list and the area follows', async () => {
      const { partnership } = await seeded.api.data(`{ partnership(slug: "bochenskie") { version functionalArea { areaKm2 } } }`);
      const { setMembers } = await seeded.api.data(SET_MEMBERS, { slug: 'bochenskie', version: partnership.version, members: members('1201022', '1201032', '1201052') }, tokens.editor);
      expect(setMembers.version).toBe(partnership.version + 1);
      expect(setMembers.functionalArea.memberCount).toBe(3);
      expect(setMembers.functionalArea.areaKm2).toBeGreaterThan(partnership.functionalArea.areaKm2);
    });

    it('records who changed what, with values before and after', async () => {
      const { partnership } = await seeded.api.data(`{ partnership(slug: "bochenskie") { history { actor action entity entityKey before after } } }`);
      const actions = partnership.history.map((h: { action: string }) => h.action);
      expect(actions).toEqual(expect.arrayContaining(['CREATE', 'ADD_MEMBER', 'SET_MEMBERS']));
      const added = partnership.history.find((h: { action: string; entityKey: string }) => h.action === 'ADD_MEMBER' && h.entityKey === 'bochenskie/1201052');
      expect(added).toMatchObject({ actor: 'redakcja', entity: 'membership', before: null, after: { teryt: '1201052', role: 'MEMBER' } });
    });

    it('lists changes since a moment and by a token', async () => {
      const data = await seeded.api.data(`{ changes(by: "redakcja", since: "2000-01-01T00:00:00Z") { totalCount edges { node { actor action } } } }`);
      expect(data.changes.totalCount).toBeGreaterThan(3);
      expect(data.changes.edges.every((e: { node: { actor: string } }) => e.node.actor === 'redakcja')).toBe(true);
    });

    it('keeps the history append-only, even for SQL', async () => {
      await expect(query(seeded.db.em(), `delete from audit_entry`)).rejects.toThrow(/append-only/);
      await expect(query(seeded.db.em(), `update audit_entry set actor = 'ktoś'`)).rejects.toThrow(/append-only/);
    });

    it('archives a partnership: kept, but out of lists', async () => {
      const { partnership } = await seeded.api.data(`{ partnership(slug: "w-malopolsce") { version } }`);
      await seeded.api.data(`mutation($v: Int!) { archivePartnership(slug: "w-malopolsce", version: $v) { archivedAt } }`, { v: partnership.version }, tokens.editor);
      const lists = await seeded.api.data(`{ active: partnerships(filter: { search: "w-malopolsce" }) { totalCount } all: partnerships(filter: { member: "1201032", includeArchived: true }) { edges { node { slug archivedAt } } } }`);
      expect(lists.active.totalCount).toBe(0);
      expect(lists.all.edges.find((e: { node: { slug: string } }) => e.node.slug === 'w-malopolsce')?.node.archivedAt).toBeTruthy();
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
      const { partnership } = await seeded.api.data(`{ partnership(slug: "bochenskie") { version } }`);
      await seeded.api.data(UPDATE, { slug: 'bochenskie', version: partnership.version, input: { name: 'Bocheńskie I' } }, tokens.editor);
      const before = await databaseChecksum(seeded.db.em());
      const stale = await seeded.api.run(UPDATE, { slug: 'bochenskie', version: partnership.version, input: { name: 'Bocheńskie II' } }, tokens.editor);
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: partnership.version + 1 });
      expect(await databaseChecksum(seeded.db.em())).toEqual(before);
    });

    it('lets one of two concurrent edits of the same version win and gives the other CONFLICT', async () => {
      const { partnership } = await seeded.api.data(`{ partnership(slug: "bochenskie") { version } }`);
      const results = await Promise.all(
        ['Wersja A', 'Wersja B'].map((name) => seeded.api.run(UPDATE, { slug: 'bochenskie', version: partnership.version, input: { name } }, tokens.editor)),
      );
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: partnership.version + 1 });
      const { partnership: after } = await seeded.api.data(`{ partnership(slug: "bochenskie") { name version } }`);
      expect(after).toEqual({ name: won[0]!.data!.updatePartnership.name, version: partnership.version + 1 });
    });
  });
});

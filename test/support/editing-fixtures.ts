import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import type { Em } from '../../server/db/orm.js';
import type { GraphqlClient } from './graphql.js';

/** A source good enough for every write (the atlas requires one on each fact). */
export const SRC = [{ ref: 'https://example.org/uchwala', quote: 'Gminy zawarły porozumienie.' }];

/** Member inputs for TERYT codes, role MEMBER. */
export const members = (...teryts: string[]) => teryts.map((teryt) => ({ teryt, role: 'MEMBER', sources: SRC }));

export const CREATE = `mutation($input: PartnershipInput!) {
  createPartnership(input: $input) { slug version voivodeships leader { teryt } members { role jst { teryt } } functionalArea { memberCount areaKm2 } } }`;

let made = 0;
/** A slug no other fixture of this test file uses (tests create their own records, so each runs alone). */
export const uniqueSlug = (prefix: string) => `${prefix}-${++made}-${process.pid}`;

/** The tokens editing tests act with; `revoked` was created and revoked, `forged` was never issued. */
export interface TestTokens {
  regional: string;
  otherRegion: string;
  national: string;
  admin: string;
  revoked: string;
  forged: string;
}

/** Creates one token of each kind: an editor for małopolskie (12), one for wielkopolskie (30), a national editor, an admin. */
export async function createTestTokens(em: Em): Promise<TestTokens> {
  const service = new TokenService(em);
  const secret = async (name: string, role: Role, regions: string[] | null) => (await service.create(name, role, regions)).secret;
  const tokens = {
    regional: await secret('UM Małopolska', Role.EDITOR, ['12']),
    otherRegion: await secret('UM Wielkopolska', Role.EDITOR, ['30']),
    national: await secret('redakcja', Role.EDITOR, null),
    admin: await secret('ministerstwo', Role.ADMIN, null),
    revoked: await secret('dawny', Role.EDITOR, null),
    forged: `atlas_${'x'.repeat(43)}`,
  };
  await service.revoke('dawny');
  return tokens;
}

export interface PartnershipFixture {
  slug: string;
  version: number;
}

/** Creates a partnership through the API with the admin token: in `voivodeships`, with `teryts` as members. */
export async function partnershipFixture(api: GraphqlClient, admin: string, voivodeships: string[], teryts: string[], prefix = 'fixture'): Promise<PartnershipFixture> {
  const slug = uniqueSlug(prefix);
  const input = { slug, name: `Partnerstwo ${slug}`, sources: SRC, voivodeships, members: members(...teryts) };
  const { createPartnership } = await api.data(CREATE, { input }, admin);
  return { slug: createPartnership.slug, version: createPartnership.version };
}

/** Adds a participation in programme CWD to a partnership with the admin token; returns its id and version. */
export async function participationFixture(api: GraphqlClient, admin: string, slug: string): Promise<{ id: number; version: number }> {
  const { addParticipation } = await api.data(
    `mutation($slug: String!, $input: ParticipationInput!) { addParticipation(slug: $slug, input: $input) { id version } }`,
    { slug, input: { programme: 'CWD', status: 'APPLICANT', sources: SRC } },
    admin,
  );
  return addParticipation;
}

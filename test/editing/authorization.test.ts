import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { repoRoot } from '../../server/config.js';
import { query } from '../../server/db/sql.js';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends } from '../support/database.js';
import { members, participationFixture, partnershipFixture, SRC, uniqueSlug, type TestTokens, createTestTokens } from '../support/editing-fixtures.js';
import type { GraphqlClient } from '../support/graphql.js';
import { useSeededApi } from '../support/seeded-api.js';

/**
 * Every mutation × every caller × a target inside and outside małopolskie (12), the region of the
 * `regional` token. Each case builds its own records (with the admin token), so any row runs alone.
 */
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
type Caller = 'anonymous' | keyof TestTokens;
type Scope = 'in' | 'out' | 'any';

const CALLERS: Caller[] = ['anonymous', 'forged', 'revoked', 'regional', 'otherRegion', 'national', 'admin'];
const [OK, UNAUTH, FORBID, NOTFOUND] = ['OK', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] as const;

// Gminy: Bochnia (rural) 1201022, Drwinia 1201032, Rzezawa 1201052 (małopolskie); Gdańsk 2261011 (pomorskie).
// prettier-ignore
const MATRIX: [mutation: string, scope: Scope, outcomes: Outcome[]][] = [
  //                                         anonymous forged  revoked regional otherRegion national admin
  ['createPartnership',   'in',  [UNAUTH, UNAUTH, UNAUTH, OK,       FORBID,   OK,     OK]],
  ['createPartnership',   'out', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   OK,     OK]],
  ['updatePartnership',   'in',  [UNAUTH, UNAUTH, UNAUTH, OK,       FORBID,   OK,     OK]],
  ['updatePartnership',   'out', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   OK,     OK]],
  ['archivePartnership',  'in',  [UNAUTH, UNAUTH, UNAUTH, OK,       FORBID,   OK,     OK]],
  ['archivePartnership',  'out', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   OK,     OK]],
  ['setMembers',          'in',  [UNAUTH, UNAUTH, UNAUTH, OK,       FORBID,   OK,     OK]],
  ['setMembers',          'out', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   OK,     OK]],
  ['addParticipation',    'in',  [UNAUTH, UNAUTH, UNAUTH, OK,       FORBID,   OK,     OK]],
  ['addParticipation',    'out', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   OK,     OK]],
  ['updateParticipation', 'in',  [UNAUTH, UNAUTH, UNAUTH, OK,       NOTFOUND, OK,     OK]],
  ['updateParticipation', 'out', [UNAUTH, UNAUTH, UNAUTH, NOTFOUND, NOTFOUND, OK,     OK]],
  ['importPartnerships',  'in',  [UNAUTH, UNAUTH, UNAUTH, OK,       FORBID,   OK,     OK]],
  ['importPartnerships',  'out', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   OK,     OK]],
  ['createProgramme',     'any', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   FORBID, OK]],
  ['updateProgramme',     'any', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   FORBID, OK]],
  ['createToken',         'any', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   FORBID, OK]],
  ['revokeToken',         'any', [UNAUTH, UNAUTH, UNAUTH, FORBID,   FORBID,   FORBID, OK]],
];

interface Attempt {
  query: string;
  variables: Record<string, unknown>;
  /** For a participation by id: the id, whose out-of-scope answer must be the missing-id answer. */
  participationId?: number;
}

interface World {
  api: GraphqlClient;
  tokens: TestTokens;
}

const inRegion = (w: World, prefix: string) => partnershipFixture(w.api, w.tokens.admin, ['12'], ['1201022', '1201032'], prefix);

/**
 * What each mutation is tried on. Out of scope: a partnership without members in pomorskie (the
 * issue's 19), one that spans małopolskie and pomorskie though every member is in małopolskie,
 * one in pomorskie to be "taken over" with Kraków-region members, a participation id of pomorskie.
 */
const ATTEMPTS: Record<string, (w: World, scope: Scope) => Promise<Attempt>> = {
  async createPartnership(_w, scope) {
    const where = scope === 'in' ? { voivodeships: ['12'], members: members('1201022') } : { voivodeships: ['12', '22'], members: members('1201022', '2261011') };
    return { query: `mutation($input: PartnershipInput!) { createPartnership(input: $input) { slug } }`, variables: { input: { slug: uniqueSlug('nowe'), name: 'Nowe', sources: SRC, ...where } } };
  },
  async updatePartnership(w, scope) {
    const p = scope === 'in' ? await inRegion(w, 'update') : await partnershipFixture(w.api, w.tokens.admin, ['22'], [], 'bez-czlonkow');
    return { query: `mutation($slug: String!, $v: Int!) { updatePartnership(slug: $slug, version: $v, input: { name: "Przejęte" }) { version } }`, variables: { slug: p.slug, v: p.version } };
  },
  async archivePartnership(w, scope) {
    const p = scope === 'in' ? await inRegion(w, 'archive') : await partnershipFixture(w.api, w.tokens.admin, ['14'], [], 'mazowieckie');
    return { query: `mutation($slug: String!, $v: Int!) { archivePartnership(slug: $slug, version: $v) { version } }`, variables: { slug: p.slug, v: p.version } };
  },
  async setMembers(w, scope) {
    const p = scope === 'in' ? await inRegion(w, 'members') : await partnershipFixture(w.api, w.tokens.admin, ['12', '22'], ['1201022', '2261011'], 'pomorskie');
    const query = `mutation($slug: String!, $v: Int!, $m: [MemberInput!]!) { setMembers(slug: $slug, version: $v, members: $m) { version } }`;
    return { query, variables: { slug: p.slug, v: p.version, m: members('1201022', '1201052') } };
  },
  async addParticipation(w, scope) {
    const p = scope === 'in' ? await inRegion(w, 'add') : await partnershipFixture(w.api, w.tokens.admin, ['12', '22'], ['1201022'], 'dwa-regiony');
    const query = `mutation($slug: String!) { addParticipation(slug: $slug, input: { programme: "CWD-PLUS", status: GRANTEE, sources: [{ ref: "https://example.org/cwd" }] }) { version } }`;
    return { query, variables: { slug: p.slug } };
  },
  async updateParticipation(w, scope) {
    const p = scope === 'in' ? await inRegion(w, 'participation') : await partnershipFixture(w.api, w.tokens.admin, ['22'], ['2261011'], 'gdansk');
    const { id, version } = await participationFixture(w.api, w.tokens.admin, p.slug);
    const query = `mutation($id: Int!, $v: Int!) { updateParticipation(id: $id, version: $v, input: { status: GRANTEE }) { version } }`;
    return { query, variables: { id, v: version }, participationId: id };
  },
  async importPartnerships(w, scope) {
    const p = scope === 'in' ? await inRegion(w, 'import') : await partnershipFixture(w.api, w.tokens.admin, ['12', '22'], ['1201022'], 'import-poza');
    const csv = ['partnership,teryt,role,source', ...['1201022', '1201052'].map((t) => `${p.slug},${t},MEMBER,https://example.org/lista`)].join('\n');
    return { query: `mutation($csv: String!) { importPartnerships(csv: $csv, dryRun: false) { applied errors { message } } }`, variables: { csv } };
  },
  async createProgramme() {
    const code = `NEW-${uniqueSlug('p').replace(/\D+/g, '-').replace(/^-|-$/g, '')}`;
    return { query: `mutation($code: String!) { createProgramme(input: { code: $code, name: "Nowy", funder: "UE", sources: [{ ref: "https://example.org/p" }] }) { code } }`, variables: { code } };
  },
  async updateProgramme(w) {
    const { createProgramme } = await w.api.data(`mutation($code: String!) { createProgramme(input: { code: $code, name: "Stary", funder: "UE", sources: [{ ref: "https://example.org/p" }] }) { code version } }`, (await ATTEMPTS.createProgramme!(w, 'any')).variables, w.tokens.admin);
    return { query: `mutation($code: String!, $v: Int!) { updateProgramme(code: $code, version: $v, input: { name: "Zmieniony" }) { version } }`, variables: { code: createProgramme.code, v: createProgramme.version } };
  },
  async createToken() {
    return { query: `mutation($name: String!) { createToken(name: $name, role: EDITOR, voivodeships: ["12"]) { name } }`, variables: { name: uniqueSlug('token') } };
  },
  async revokeToken() {
    return { query: `mutation($name: String!) { revokeToken(name: $name) }`, variables: { name: uniqueSlug('do-odwolania') } };
  },
};

describe.each(testBackends())('authorization matrix on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  const world = {} as World;
  beforeAll(async () => {
    world.api = seeded.api;
    world.tokens = await createTestTokens(seeded.db.em());
  });

  const cases = MATRIX.flatMap(([mutation, scope, outcomes]) => CALLERS.map((caller, i) => [mutation, scope, caller, outcomes[i]!] as const));

  it.each(cases)('%s on a target %s of scope, called by %s → %s', async (mutation, scope, caller, outcome) => {
    const attempt = await ATTEMPTS[mutation]!(world, scope);
    // The token to revoke exists in every case, so a denial is about the caller, not a missing name.
    if (mutation === 'revokeToken') await new TokenService(seeded.db.em()).create(attempt.variables.name as string, Role.EDITOR, null);
    const before = await databaseChecksum(seeded.db.em());
    const result = await world.api.run(attempt.query, attempt.variables, caller === 'anonymous' ? undefined : world.tokens[caller]);
    const after = await databaseChecksum(seeded.db.em());
    if (outcome === 'OK') {
      expect(result.errors).toBeUndefined();
      expect(after).not.toEqual(before);
      return;
    }
    expect(after).toEqual(before);
    if (outcome === 'NOT_FOUND') {
      // Exactly what an id that does not exist gets: nothing tells the two apart.
      const missing = await world.api.run(attempt.query, { ...attempt.variables, id: 2_000_000_000 }, world.tokens[caller as keyof TestTokens]);
      expect(result.errors?.[0]?.extensions).toEqual(missing.errors?.[0]?.extensions);
      expect(result.errors?.[0]?.message).toBe(missing.errors?.[0]?.message.replace('2000000000', String(attempt.participationId)));
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND' });
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe(outcome);
    }
  });
});

/** The attacks of the issue, replayed on the seed with a token for małopolskie (12) only. */
describe.each(testBackends())('the seed against a regional token on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  let tokens: TestTokens;
  beforeAll(async () => {
    tokens = await createTestTokens(seeded.db.em());
  });

  it('loads every seed partnership with the województwa the seed names', async () => {
    const seed = JSON.parse(readFileSync(path.join(repoRoot, 'server/seed/data/partnerships.json'), 'utf8')) as { slug: string; voivodeships: string[] }[];
    const { partnerships } = await seeded.api.data(`{ partnerships(first: 200, filter: { includeArchived: true }) { edges { node { slug voivodeships } } } }`);
    const loaded = new Map(partnerships.edges.map((e: { node: { slug: string; voivodeships: string[] } }) => [e.node.slug, e.node.voivodeships]));
    for (const p of seed) expect([p.slug, loaded.get(p.slug)]).toEqual([p.slug, [...p.voivodeships].sort()]);
  });

  it('cannot rename, take over or archive partnerships of other regions, with or without loaded members', async () => {
    const before = await databaseChecksum(seeded.db.em());
    const attempts = [
      [`mutation { updatePartnership(slug: "gdanski-obszar-metropolitalny", version: 1, input: { name: "Przejęte" }) { version } }`, {}],
      [`mutation($m: [MemberInput!]!) { setMembers(slug: "gdanski-obszar-metropolitalny", version: 1, members: $m) { version } }`, { m: members('1261011') }],
      [`mutation { archivePartnership(slug: "razem-dla-rozwoju-mazowieckie", version: 1) { version } }`, {}],
      [`mutation { updatePartnership(slug: "gdanski-obszar-metropolitalny", version: 1, input: { voivodeships: ["12"] }) { version } }`, {}],
    ] as const;
    for (const [operation, variables] of attempts) {
      expect((await seeded.api.run(operation, variables, tokens.regional)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);
  });

  it('finds no participation of another region by trying ids: each answers as a missing one', async () => {
    const outside = `select pa.* from participation pa join partnership p on p.id = pa.partnership_id
      where not (p.voivodeships <@ array['12']::text[] and cardinality(p.voivodeships) > 0)`;
    const fingerprint = async () => query(seeded.db.em(), `select md5(coalesce(string_agg(r::text, '|' order by r.id), '')) as sum, count(*)::int as n from (${outside}) r`);
    const before = await fingerprint();
    const [{ max }] = await query<{ max: number }>(seeded.db.em(), `select max(id) as max from participation`);
    const UPDATE = `mutation($id: Int!) { updateParticipation(id: $id, version: 1, input: { phase: "przejęte" }) { version } }`;
    let found = 0;
    for (let id = 1; id <= max + 5; id++) {
      const result = await seeded.api.run(UPDATE, { id }, tokens.regional);
      if (!result.errors) found++;
      else expect(result.errors[0]).toMatchObject({ message: `id: no participation with id ${id}`, extensions: { code: 'BAD_USER_INPUT', field: 'id', reason: 'NOT_FOUND' } });
    }
    expect(await fingerprint()).toEqual(before);
    expect(found).toBeGreaterThan(0);
  });
});

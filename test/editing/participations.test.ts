import { beforeAll, describe, expect, it } from '@jest/globals';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends } from '../support/database.js';
import { createTestTokens, participationFixture, partnershipFixture, SRC, type TestTokens } from '../support/editing-fixtures.js';
import { useSeededApi } from '../support/seeded-api.js';

const ADD = `mutation($slug: String!, $input: ParticipationInput!) {
  addParticipation(slug: $slug, input: $input) { id version status phase competition grantAmount grantCurrency document probable programme { code } partnership { slug } } }`;
const UPDATE = `mutation($id: Int!, $v: Int!, $input: ParticipationPatch!) {
  updateParticipation(id: $id, version: $v, input: $input) { id version status phase grantAmount grantCurrency document probable } }`;
const HISTORY = `query($slug: String!) { partnership(slug: $slug) { participations { id status } history { actor action entity before after } } }`;

describe.each(testBackends())('participations on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  let tokens: TestTokens;
  beforeAll(async () => {
    tokens = await createTestTokens(seeded.db.em());
  });
  const fresh = (prefix: string) => partnershipFixture(seeded.api, tokens.admin, ['12'], ['1201022', '1201032'], prefix);

  it('adds a participation with every field, recorded in the history', async () => {
    const p = await fresh('cwd');
    const input = { programme: 'CWD', status: 'GRANTEE', phase: 'I', competition: 'nabór 1', grantAmount: 150000, grantCurrency: 'PLN', document: 'strategia', probable: true, sources: SRC };
    const { addParticipation } = await seeded.api.data(ADD, { slug: p.slug, input }, tokens.regional);
    expect(addParticipation).toMatchObject({
      version: 1, status: 'GRANTEE', phase: 'I', competition: 'nabór 1', grantAmount: 150000, grantCurrency: 'PLN', document: 'strategia', probable: true,
      programme: { code: 'CWD' }, partnership: { slug: p.slug },
    });
    const { partnership } = await seeded.api.data(HISTORY, { slug: p.slug });
    expect(partnership.participations).toEqual([{ id: addParticipation.id, status: 'GRANTEE' }]);
    expect(partnership.history[0]).toMatchObject({ actor: 'UM Małopolska', action: 'ADD_PARTICIPATION', entity: 'participation', before: null, after: { programme: 'CWD', status: 'GRANTEE', grantAmount: 150000 } });
  });

  it('changes only the fields given, bumps the version and records before and after', async () => {
    const p = await fresh('zmiana');
    const { id, version } = await participationFixture(seeded.api, tokens.admin, p.slug);
    const { updateParticipation } = await seeded.api.data(UPDATE, { id, v: version, input: { status: 'GRANTEE', grantAmount: 99.5, grantCurrency: 'EUR' } }, tokens.regional);
    expect(updateParticipation).toEqual({ id, version: version + 1, status: 'GRANTEE', phase: null, grantAmount: 99.5, grantCurrency: 'EUR', document: null, probable: false });
    const cleared = await seeded.api.data(UPDATE, { id, v: version + 1, input: { grantAmount: null, grantCurrency: null } }, tokens.regional);
    expect(cleared.updateParticipation).toMatchObject({ version: version + 2, status: 'GRANTEE', grantAmount: null, grantCurrency: null });
    const { partnership } = await seeded.api.data(HISTORY, { slug: p.slug });
    expect(partnership.history[1]).toMatchObject({ action: 'UPDATE_PARTICIPATION', before: { status: 'APPLICANT', grantAmount: null }, after: { status: 'GRANTEE', grantAmount: 99.5, grantCurrency: 'EUR' } });
  });

  it.each([
    ['an unknown programme', { programme: 'NIE-MA' }, 'programme', /no programme with code "NIE-MA"/],
    ['no status', { status: null }, 'status', /required/],
    ['no source', { sources: [] }, 'sources', /at least one source/],
    ['a negative grant', { grantAmount: -1 }, 'grantAmount', /non-negative/],
    ['a currency other than PLN or EUR', { grantCurrency: 'USD' }, 'grantCurrency', /one of PLN, EUR/],
    ['an overlong phase', { phase: 'x'.repeat(301) }, 'phase', /300 characters/],
  ])('refuses to add one with %s, writing nothing', async (_what, extra, field, rule) => {
    const p = await fresh('zly-udzial');
    const before = await databaseChecksum(seeded.db.em());
    const result = await seeded.api.run(ADD, { slug: p.slug, input: { programme: 'CWD', status: 'APPLICANT', sources: SRC, ...extra } }, tokens.regional);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(rule);
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);
  });

  it('refuses to add one to a partnership that does not exist', async () => {
    const result = await seeded.api.run(ADD, { slug: 'nie-ma-takiego', input: { programme: 'CWD', status: 'APPLICANT', sources: SRC } }, tokens.national);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug', reason: 'NOT_FOUND' });
  });

  it.each([
    ['a negative grant', { grantAmount: -5 }, 'grantAmount', 'BAD_USER_INPUT'],
    ['an unknown currency', { grantCurrency: 'GBP' }, 'grantCurrency', 'BAD_USER_INPUT'],
    ['an empty source list', { sources: [] }, 'sources', 'BAD_USER_INPUT'],
    ['a stale version', { status: 'LAUREATE' }, undefined, 'CONFLICT'],
  ])('refuses an update with %s, writing nothing', async (_what, input, field, code) => {
    const p = await fresh('zla-zmiana');
    const { id, version } = await participationFixture(seeded.api, tokens.admin, p.slug);
    const before = await databaseChecksum(seeded.db.em());
    const result = await seeded.api.run(UPDATE, { id, v: code === 'CONFLICT' ? version + 1 : version, input }, tokens.regional);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : { currentVersion: version }) });
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);
  });

  it('answers an id that does not exist as not found', async () => {
    const result = await seeded.api.run(UPDATE, { id: 2_000_000_000, v: 1, input: { status: 'GRANTEE' } }, tokens.national);
    expect(result.errors?.[0]).toMatchObject({ message: 'id: no participation with id 2000000000', extensions: { code: 'BAD_USER_INPUT', field: 'id', reason: 'NOT_FOUND' } });
  });
});

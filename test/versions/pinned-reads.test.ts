import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import type { Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { openSeededDatabase, testBackends, testConfig, type TestDatabase } from '../support/database.js';
import { createTestTokens, members, SRC, uniqueSlug, type TestTokens } from '../support/editing-fixtures.js';

// Gminy of powiat bocheński (małopolskie, 12): Bochnia (rural) 1201022, Drwinia 1201032, Łapanów 1201052.
const READ = `query($slug: String!) {
  dataset { version changedAt }
  partnership(slug: $slug) { name members { jst { teryt } } functionalArea { memberCount areaKm2 } }
  partnerships(filter: { member: "1201052" }) { totalCount }
}`;

describe.each(testBackends())('pinned reads of an old version on $name', ({ database }) => {
  let db: TestDatabase;
  let app: RunningApp;
  let tokens: TestTokens;
  const slug = uniqueSlug('wersje');
  let before = 0;
  let after = 0;

  const post = async (body: unknown, token?: string, path = '/graphql') => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { response, json: (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] } };
  };
  const write = async (q: string, variables: Record<string, unknown>) => {
    const { json } = await post({ query: q, variables }, tokens.admin);
    expect(json.errors).toBeUndefined();
    return json.data;
  };
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });
  const pinnedGraphql = (version: number | string, q = READ, variables: Record<string, unknown> = { slug }) =>
    get(`/graphql?${new URLSearchParams({ query: q, variables: JSON.stringify(variables), version: String(version) })}`, { accept: 'application/json', 'apollo-require-preflight': 'true' });

  beforeAll(async () => {
    db = await openSeededDatabase(database);
    app = await startApp(testConfig(db.database), { orm: db.orm, log: () => {} });
    tokens = await createTestTokens(db.em());
    await write(`mutation($input: PartnershipInput!) { createPartnership(input: $input) { slug } }`, {
      input: { slug, name: 'Wersje Bocheńskie', sources: SRC, voivodeships: ['12'], members: members('1201022', '1201032') },
    });
    before = (await post({ query: '{ dataset { version } }' })).json.data.dataset.version;
    await write(`mutation($slug: String!, $m: [MemberInput!]!) { setMembers(slug: $slug, version: 1, members: $m) { version } }`, { slug, m: members('1201022', '1201032', '1201052') });
    await write(`mutation($slug: String!) { updatePartnership(slug: $slug, version: 2, input: { name: "Wersje Zmienione" }) { version } }`, { slug });
    after = (await post({ query: '{ dataset { version } }' })).json.data.dataset.version;
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  it('answers a pinned GraphQL read with the old members, area, counts and name, immutable', async () => {
    expect(after).toBe(before + 2);
    const latest = (await post({ query: READ, variables: { slug } })).json.data;
    const response = await pinnedGraphql(before);
    expect(response.status).toBe(200);
    expect(response.headers.get('atlas-version')).toBe(String(before));
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const old = ((await response.json()) as { data: any }).data;
    expect(old.dataset.version).toBe(before);
    expect(new Date(old.dataset.changedAt).getTime()).toBeLessThan(new Date(latest.dataset.changedAt).getTime());
    expect(old.partnership.name).toBe('Wersje Bocheńskie');
    expect(latest.partnership.name).toBe('Wersje Zmienione');
    expect(old.partnership.members.map((m: any) => m.jst.teryt).sort()).toEqual(['1201022', '1201032']);
    expect(latest.partnership.members).toHaveLength(3);
    expect(old.partnership.functionalArea.memberCount).toBe(2);
    expect(latest.partnership.functionalArea.memberCount).toBe(3);
    expect(old.partnership.functionalArea.areaKm2).toBeGreaterThan(50);
    expect(old.partnership.functionalArea.areaKm2).toBeLessThan(latest.partnership.functionalArea.areaKm2 - 20);
    expect(old.partnerships.totalCount).toBe(latest.partnerships.totalCount - 1);
    // The same read pinned by POST in extensions, and pinned to the newest version, agree.
    const byBody = (await post({ query: READ, variables: { slug }, extensions: { version: before } })).json.data;
    expect(byBody).toEqual(old);
    const pinnedLatest = ((await (await pinnedGraphql(after)).json()) as { data: any }).data;
    expect(pinnedLatest).toEqual(latest);
  });

  it('pins exports, the OGC API, TileJSON and tiles', async () => {
    const csv = await (await get(`/export/partnerships.csv?version=${before}&filter=${encodeURIComponent(JSON.stringify({ search: 'Wersje' }))}`)).text();
    expect(csv).toContain('Wersje Bocheńskie');
    expect(csv).not.toContain('Wersje Zmienione');
    const item = await get(`/ogc/collections/partnerships/items/${slug}?version=${before}`);
    expect(item.headers.get('atlas-version')).toBe(String(before));
    expect(((await item.json()) as { properties: Record<string, unknown> }).properties).toMatchObject({ name: 'Wersje Bocheńskie' });
    const tilejson = (await (await get(`/tiles/areas.json?version=${before}`)).json()) as { tiles: string[] };
    expect(tilejson.tiles[0]).toContain(`version=${before}`);
    const tile = await get(new URL(tilejson.tiles[0]!.replace('{z}/{x}/{y}', '9/285/173')).pathname + new URL(tilejson.tiles[0]!).search);
    expect(tile.headers.get('atlas-version')).toBe(String(before));
    expect(tile.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('lists the edits in /versions and version(n), with their summaries and audit entries', async () => {
    const list = (await (await get('/versions?first=5')).json()) as { versions: { version: number; summary: string; actor: string; links: { map: string } }[] };
    const edit = list.versions.find((v) => v.version === before + 1)!;
    expect(edit.summary).toContain(`SET_MEMBERS ${slug}`);
    expect(edit.summary).toContain('membership +1');
    expect(edit.actor).toBe('ministerstwo');
    expect(edit.links.map).toMatch(new RegExp(`/\\?version=${before + 1}$`));
    const html = await get('/versions', { accept: 'text/html' });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain(`SET_MEMBERS ${slug}`);
    const { json } = await post({ query: `query($n: Int!) { version(number: $n) { version summary changes { action entityKey } } versions(first: 2) { edges { node { version } } } }`, variables: { n: before + 1 } });
    expect(json.data.version.changes).toEqual(expect.arrayContaining([{ action: 'SET_MEMBERS', entityKey: slug }, { action: 'ADD_MEMBER', entityKey: `${slug}/1201052` }]));
    expect(json.data.versions.edges.map((e: any) => e.node.version)).toEqual([after, after - 1]);
  });

  it('refuses bad, unknown and writing pins with coded errors', async () => {
    const malformed = await pinnedGraphql('abc');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version', reason: 'MALFORMED' });
    const unknown = await pinnedGraphql(after + 1000);
    expect(((await unknown.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version', reason: 'VERSION_NOT_AVAILABLE' });
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    const ogc = await get(`/ogc/collections/partnerships/items?version=0`);
    expect(ogc.status).toBe(400);
    const mutation = await post({ query: `mutation($slug: String!) { updatePartnership(slug: $slug, version: 3, input: { name: "Nie" }) { version } }`, variables: { slug }, extensions: { version: before } }, tokens.admin);
    expect(mutation.json.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version', reason: 'VERSION_PINNED' });
    expect((await post({ query: '{ dataset { version } }' })).json.data.dataset.version).toBe(after);
  });

  it('gives concurrent writers distinct consecutive versions, each logged once; rolled-back writes log nothing', async () => {
    const slugs = await Promise.all([0, 1, 2, 3].map(async (i) => {
      const s = uniqueSlug(`rownolegle-${i}`);
      await write(`mutation($input: PartnershipInput!) { createPartnership(input: $input) { slug } }`, { input: { slug: s, name: `Równoległe ${i}`, sources: SRC, voivodeships: ['12'], members: members('1201022') } });
      return s;
    }));
    const start = (await post({ query: '{ dataset { version } }' })).json.data.dataset.version as number;
    await Promise.all(slugs.map((s) => write(`mutation($slug: String!) { updatePartnership(slug: $slug, version: 1, input: { name: "Równolegle zmienione" }) { version } }`, { slug: s })));
    const rows = await query<{ version: string; txid: string; summary: string }>(db.em(), `select version, txid, summary from dataset_version_log where version > ? order by version`, [start]);
    expect(rows.map((r) => Number(r.version))).toEqual([start + 1, start + 2, start + 3, start + 4]);
    expect(new Set(rows.map((r) => r.txid)).size).toBe(4);
    for (const s of slugs) expect(rows.filter((r) => r.summary.includes(`UPDATE ${s}`))).toHaveLength(1);
    const [{ n: historyBefore }] = await query<{ n: number }>(db.em(), `select count(*)::int as n from dataset_history`);
    await expect(db.em().transactional(async (tx) => {
      await query(tx as Em, `update partnership set name = 'Wycofana' where slug = ?`, [slugs[0]]);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await query(db.em(), `select count(*)::int as n from dataset_version_log where version > ?`, [start + 4])).toEqual([{ n: 0 }]);
    expect(await query(db.em(), `select count(*)::int as n from dataset_history`)).toEqual([{ n: historyBefore }]);
  });
});

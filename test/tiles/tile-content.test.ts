import { describe, expect, it } from '@jest/globals';
import { query } from '../../server/db/sql.js';
import { testBackends } from '../support/database.js';
import { labelPoint, tileAt, tileFeatures, useTileServer, type DecodedFeature, type TileServer } from './tile-support.js';

interface ApiPartnership {
  slug: string;
  participations: { status: string; programme: { code: string } }[];
}
interface ApiJst {
  teryt: string;
  name: string;
  kind: string;
  parent: { teryt: string; memberships: { basis: string; partnership: ApiPartnership }[] } | null;
  memberships: { basis: string; partnership: ApiPartnership }[];
}

const PARTNERSHIP = `partnership { slug participations { status programme { code } } }`;
const JST = `query($t: String!) { jst(teryt: $t) { teryt name kind parent { teryt memberships { basis ${PARTNERSHIP} } } memberships { basis ${PARTNERSHIP} } } }`;

const list = (items: string[]) => [...new Set(items)].sort().join(',');

/** The properties the contract asks of a unit, worked out from the GraphQL API's answer about it. */
async function expectedUnit(server: TileServer, teryt: string) {
  const { jst } = await server.api.data<{ jst: ApiJst }>(JST, { t: teryt });
  const own = jst.memberships.map((m) => m.partnership);
  // A gmina takes part in what its powiat takes part in.
  const inheritedMemberships = teryt.length === 7 ? (jst.parent?.memberships ?? []) : [];
  const inherited = inheritedMemberships.map((m) => m.partnership);
  const all = [...new Map([...own, ...inherited].map((p) => [p.slug, p])).values()];
  return {
    teryt,
    name: jst.name,
    kind: jst.kind,
    parent: jst.parent?.teryt ?? '',
    partnerships: list(all.map((p) => p.slug)),
    count: all.length,
    programmes: list(all.flatMap((p) => p.participations.map((pa) => pa.programme.code))),
    statuses: list(all.flatMap((p) => p.participations.map((pa) => pa.status))),
    inferred: list([...jst.memberships, ...inheritedMemberships].filter((m) => m.basis === 'INFERRED').map((m) => m.partnership.slug)),
  };
}

const byId = (features: DecodedFeature[], id: number) => features.find((f) => f.id === id);

describe.each(testBackends())('vector tile content ($name)', ({ database }) => {
  const server = useTileServer(database);

  /** The feature of unit `teryt` in its layer's tile at zoom z over its label point, checked against the API. */
  async function checkUnit(layer: string, teryt: string, z: number): Promise<DecodedFeature> {
    const [lng, lat] = await labelPoint(server, teryt);
    const { x, y } = tileAt(lng, lat, z);
    const feature = byId(await tileFeatures(server, layer, z, x, y), Number(teryt));
    expect(feature).toBeDefined();
    expect(feature!.type).toBe(3);
    expect(feature!.properties).toEqual(await expectedUnit(server, teryt));
    return feature!;
  }

  it.each([5, 8, 12])('holds Kraków in the gminy tile over it at z%i, with its partnerships as the API gives them', async (z) => {
    const krakow = await checkUnit('gminy', '1261011', z);
    expect(krakow.properties.name).toBe('Kraków');
    expect(krakow.properties.count).toBeGreaterThan(0);
  });

  it('gives a gmina the partnerships of its powiat too (powiat 1204 is a member itself)', async () => {
    const { jsts } = await server.api.data<{ jsts: { edges: { node: { teryt: string } }[] } }>(`{ jsts(filter: { county: "1204" }, first: 3) { edges { node { teryt } } } }`);
    expect(jsts.edges.length).toBeGreaterThan(0);
    for (const { node: { teryt } } of jsts.edges) {
      const gmina = await checkUnit('gminy', teryt, 8);
      const powiat = await checkUnit('powiaty', '1204', 8);
      for (const slug of String(powiat.properties.partnerships).split(',')) expect(String(gmina.properties.partnerships).split(',')).toContain(slug);
    }
  });

  it('holds powiaty and województwa with their own memberships, Bolesławiec at z5 and z8', async () => {
    await checkUnit('gminy', '0201011', 5);
    await checkUnit('powiaty', '0201', 5);
    await checkUnit('powiaty', '1261', 8);
    const woj = await checkUnit('wojewodztwa', '12', 5);
    expect(woj.properties.parent).toBe('');
  });

  it('names the partnerships a gmina is an INFERRED member of (Sokółka in Augustowsko-Biebrzański)', async () => {
    const sokolka = await checkUnit('gminy', '2011083', 8);
    expect(sokolka.properties.inferred).toBe('augustowsko-biebrzanski-park-turystyczny');
  });

  it("holds each partnership's functional area with its properties, feature id = its numeric id", async () => {
    const [row] = await query<{ id: number; slug: string; name: string; short_name: string | null; member_count: number }>(
      server.db.em(),
      `select id, slug, name, short_name, member_count from partnership where slug = 'metropolia-krakowska'`,
    );
    const [lng, lat] = await labelPoint(server, '1261011');
    const { x, y } = tileAt(lng, lat, 8);
    const area = byId(await tileFeatures(server, 'areas', 8, x, y), row!.id);
    const { partnership } = await server.api.data<{ partnership: ApiPartnership & { functionalArea: { memberCount: number } } }>(
      `{ partnership(slug: "metropolia-krakowska") { slug participations { status programme { code } } functionalArea { memberCount } } }`,
    );
    expect(area?.properties).toEqual({
      slug: row!.slug,
      name: row!.name,
      short_name: row!.short_name ?? '',
      programmes: list(partnership.participations.map((p) => p.programme.code)),
      status: list(partnership.participations.map((p) => p.status)),
      members: partnership.functionalArea.memberCount,
    });
  });

  it('places labels at the API label point, each kind from its own zoom', async () => {
    const [lng, lat] = await labelPoint(server, '1261011');
    const kinds = async (z: number) => {
      const { x, y } = tileAt(lng, lat, z);
      const labels = await tileFeatures(server, 'labels', z, x, y);
      for (const label of labels) expect(label.id).toBeUndefined();
      return { labels, kinds: new Set(labels.map((l) => l.properties.kind)) };
    };
    expect([...(await kinds(5)).kinds]).toEqual(['wojewodztwo']);
    expect((await kinds(7)).kinds).toEqual(new Set(['wojewodztwo', 'partnership', 'powiat']));
    const { labels, kinds: at9 } = await kinds(9);
    expect(at9.has('gmina')).toBe(true);
    const krakow = labels.find((l) => l.properties.kind === 'gmina' && l.properties.teryt === '1261011');
    expect(krakow?.properties).toEqual({ kind: 'gmina', name: 'Kraków', teryt: '1261011', slug: '' });
    expect(krakow?.type).toBe(1);
    const partnership = labels.find((l) => l.properties.kind === 'partnership');
    expect(partnership?.properties.teryt).toBe('');
    expect(partnership?.properties.slug).toMatch(/^[a-z0-9-]+$/);
    // The label sits where the API puts Kraków's labelPoint: within one tile unit of it.
    const { x, y } = tileAt(lng, lat, 9);
    const expected = { x: (((lng + 180) / 360) * 2 ** 9 - x) * 4096, y: 0 };
    const rad = (lat * Math.PI) / 180;
    expected.y = (((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** 9 - y) * 4096;
    const [point] = krakow!.geometry[0]!;
    expect(Math.abs(point!.x - expected.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(point!.y - expected.y)).toBeLessThanOrEqual(1);
  });
});

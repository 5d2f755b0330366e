import { describe, expect, it } from '@jest/globals';
import { partnershipActiveSql, today } from '../../server/time/as-of.js';
import type { Feature, MultiPolygon } from 'geojson';
import { query } from '../../server/db/sql.js';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends } from '../support/database.js';
import { CRS84, EPSG_2180, EPSG_4326, errorOf, useOgcApp } from './ogc-app.js';

type Link = { href: string; rel: string };
type Page = { type: string; numberMatched: number; numberReturned: number; timeStamp: string; links: Link[]; features: Feature[] };
const link = (page: Page, rel: string) => page.links.find((l) => l.rel === rel)?.href;
/** Warszawa, a gmina (TERYT 1465011). */
const WARSZAWA = '1465011';

describe.each(testBackends())('OGC API Features items on $name', ({ database }) => {
  const ogc = useOgcApp(database);
  const count = async (sql: string, params: unknown[] = []) => (await query<{ n: number }>(ogc.db.em(), `select count(*)::int as n from ${sql}`, params))[0]!.n;
  const items = (path: string) => ogc.json<Page>(`/ogc/collections/${path}`);

  it('pages with limit and offset: counts, next and prev links, every feature once', async () => {
    const first = await items('gminy/items?limit=1000');
    expect(first).toMatchObject({ type: 'FeatureCollection', numberMatched: 2477, numberReturned: 1000 });
    expect(new Date(first.timeStamp).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(link(first, 'prev')).toBeUndefined();
    const second = await ogc.json<Page>(new URL(link(first, 'next')!).pathname + new URL(link(first, 'next')!).search);
    const third = await ogc.json<Page>(link(second, 'next')!.replace(ogc.app.url, ''));
    expect([second.numberReturned, third.numberReturned, link(third, 'next')]).toEqual([1000, 477, undefined]);
    expect(link(third, 'prev')).toBe(`${ogc.app.url}/ogc/collections/gminy/items?limit=1000&offset=1000`);
    const ids = [first, second, third].flatMap((p) => p.features.map((f) => f.id));
    expect(new Set(ids).size).toBe(2477);
    expect(ids).toEqual([...ids].sort());
    expect((await items('gminy/items')).numberReturned).toBe(10);
  });

  it('lowers a limit above 10,000 to 10,000 rather than refusing it', async () => {
    const page = await items('powiaty/items?limit=20000&offset=5');
    expect([page.numberReturned, page.numberMatched]).toEqual([page.numberMatched - 5, await count(`jst where level = 'COUNTY'`)]);
    expect(link(page, 'prev')).toBe(`${ogc.app.url}/ogc/collections/powiaty/items?limit=10000&offset=0`);
  });

  it('filters by województwo, programme, status, TERYT and partnership, counting what the database holds', async () => {
    const matched = async (path: string) => (await items(path)).numberMatched;
    expect(await matched('gminy/items?wojewodztwo=12')).toBe(await count(`jst where level = 'MUNICIPALITY' and voivodeship_teryt = '12'`));
    expect(await matched('gminy/items?teryt=1465011')).toBe(1);
    expect(await matched('partnerships/items?programme=CWD')).toBe(await count(`participation pa join programme pr on pr.id = pa.programme_id where pr.code = 'CWD'`));
    expect(await matched('partnerships/items?programme=EEA-PP&status=GRANTEE')).toBe(1);
    const members = await count(`membership m join partnership p on p.id = m.partnership_id where p.slug = 'gzm'`);
    expect(await matched('memberships/items?partnership=gzm')).toBe(members);
    expect(await matched('gminy/items?partnership=gzm')).toBeGreaterThan(10);
    const warsaw = await items(`partnerships/items?teryt=${WARSZAWA}&limit=100`);
    expect(warsaw.numberMatched).toBe(await count(`membership m join partnership p on p.id = m.partnership_id where m.jst_teryt = ? and p.archived_at is null and membership_is_current(m."left")`, [WARSZAWA]));
    expect((await items(`memberships/items?teryt=${WARSZAWA}&limit=100`)).features.every((f) => f.properties!.teryt === WARSZAWA)).toBe(true);
  });

  it('gives a partnership with no known members a null geometry, and finds single features by TERYT, slug and slug.TERYT', async () => {
    const all = await items('partnerships/items?limit=1000');
    const empty = all.features.filter((f) => f.geometry === null);
    // The collection holds the partnerships running today (an ended one is asked for with datetime).
    expect(empty.length).toBe(await count(`partnership p where p.area is null and ${partnershipActiveSql('p', today())}`));
    expect(empty.every((f) => f.properties!.memberCount === 0)).toBe(true);
    expect(await ogc.json(`/ogc/collections/partnerships/items/gzm`)).toMatchObject({ type: 'Feature', id: 'gzm', properties: { slug: 'gzm' } });
    const membership = (await items('memberships/items?partnership=gzm&limit=1')).features[0]!;
    expect(membership.id).toBe(`gzm.${membership.properties!.teryt}`);
    expect(await ogc.json(`/ogc/collections/memberships/items/${membership.id}`)).toMatchObject({ id: membership.id, geometry: { type: 'MultiPolygon' } });
  });

  it('answers in CRS84, EPSG:4326 (lat,lon) and EPSG:2180 (northing,easting in metres), saying so in Content-Crs', async () => {
    const first = async (crs: string | null) => {
      const response = await ogc.get(`/ogc/collections/gminy/items/${WARSZAWA}${crs ? `?crs=${encodeURIComponent(crs)}` : ''}`);
      const feature = (await response.json()) as Feature<MultiPolygon>;
      return { header: response.headers.get('content-crs'), position: feature.geometry.coordinates[0]![0]![0]! };
    };
    const lonLat = await first(null);
    expect(lonLat.header).toBe(`<${CRS84}>`);
    expect([lonLat.position[0]! > 20.8 && lonLat.position[0]! < 21.3, lonLat.position[1]! > 52 && lonLat.position[1]! < 52.4]).toEqual([true, true]);
    const latLon = await first(EPSG_4326);
    expect([latLon.header, latLon.position]).toEqual([`<${EPSG_4326}>`, [lonLat.position[1], lonLat.position[0]]]);
    const puwg = await first('EPSG:2180');
    expect(puwg.header).toBe(`<${EPSG_2180}>`);
    // Warszawa lies near northing 488 km, easting 641 km in PUWG 1992.
    const [northing, easting] = puwg.position as [number, number];
    expect([northing > 470_000 && northing < 505_000, easting > 620_000 && easting < 665_000]).toEqual([true, true]);
    const page = await ogc.get(`/ogc/collections/wojewodztwa/items?crs=${encodeURIComponent(EPSG_2180)}&limit=1`);
    expect(page.headers.get('content-crs')).toBe(`<${EPSG_2180}>`);
  });

  it('reads bbox in CRS84 by default, and in the axis order of bbox-crs', async () => {
    const ids = async (path: string) => (await items(path)).features.map((f) => f.id);
    const lonLat = await ids('gminy/items?bbox=20.95,52.2,21.05,52.25&limit=100');
    expect(lonLat).toContain(WARSZAWA);
    expect(lonLat.length).toBeLessThan(10);
    expect(await ids(`gminy/items?bbox=52.2,20.95,52.25,21.05&bbox-crs=${encodeURIComponent(EPSG_4326)}&limit=100`)).toEqual(lonLat);
    // About the same box in PUWG 1992, northing first.
    const puwg = await ids(`gminy/items?bbox=485000,640000,490000,643000&bbox-crs=${encodeURIComponent(EPSG_2180)}&limit=100`);
    expect(puwg).toEqual([WARSZAWA]);
    expect((await items('partnerships/items?bbox=20.95,52.2,21.05,52.25&programme=CWD')).numberMatched).toBeLessThanOrEqual((await items('partnerships/items?programme=CWD')).numberMatched);
  });

  it('refuses bad values with 400 and a coded reason, changing nothing', async () => {
    const before = await databaseChecksum(ogc.db.em());
    const cases: [string, string, string][] = [
      ['gminy/items?limit=0', 'limit', 'OUT_OF_RANGE'],
      ['gminy/items?limit=ten', 'limit', 'OUT_OF_RANGE'],
      ['gminy/items?offset=-1', 'offset', 'OUT_OF_RANGE'],
      ['gminy/items?limit=1&limit=2', 'limit', 'MALFORMED'],
      ['gminy/items?bbox=20,50,21', 'bbox', 'MALFORMED'],
      ['gminy/items?bbox=21,50,20,51', 'bbox', 'OUT_OF_RANGE'],
      ['gminy/items?bbox=200,50,210,51', 'bbox[0]', 'OUT_OF_RANGE'],
      ['gminy/items?crs=EPSG:3857', 'crs', 'NOT_ALLOWED'],
      ['gminy/items?bbox=0,0,1,1&bbox-crs=urn:ogc:def:crs:EPSG::2180', 'bbox-crs', 'NOT_ALLOWED'],
      ['gminy/items/1465011?crs=EPSG:3035', 'crs', 'NOT_ALLOWED'],
      ['gminy/items?bbox-crs=EPSG:3035', 'bbox-crs', 'NOT_ALLOWED'],
      ['gminy/items/1465011?limit=1', 'limit', 'UNKNOWN_KEY'],
      ['partnerships/items?status=WINNER', 'status', 'NOT_ALLOWED'],
      ['partnerships/items?wojewodztwo=13', 'wojewodztwo', 'MALFORMED'],
      ['partnerships/items?teryt=12345', 'teryt', 'MALFORMED'],
      ['partnerships/items?programme=cwd', 'programme', 'MALFORMED'],
      ['partnerships/items?programme=NO-SUCH', 'programme', 'NOT_FOUND'],
      ['memberships/items?partnership=Not%20A%20Slug', 'partnership', 'MALFORMED'],
      ['memberships/items?partnership=no-such-partnership', 'partnership', 'NOT_FOUND'],
      ['memberships/items?wojewodztow=12', 'wojewodztow', 'UNKNOWN_KEY'],
      ['memberships/items/gzm', 'featureId', 'MALFORMED'],
    ];
    for (const [path, field, reason] of cases) {
      const response = await ogc.get(`/ogc/collections/${path}`);
      expect([path, response.status, await errorOf(response)]).toEqual([path, 400, { code: 'BAD_USER_INPUT', field, reason }]);
    }
    expect(await databaseChecksum(ogc.db.em())).toEqual(before);
  });
});

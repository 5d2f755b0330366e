import { describe, expect, it } from '@jest/globals';
import { testBackends } from '../support/database.js';
import { exampleQueries } from '../support/examples.js';
import { useSeededApi } from '../support/seeded-api.js';

describe.each(testBackends())('GraphQL API on $name', ({ database }) => {
  const seeded = useSeededApi(database);

  it('reports all 2,477 gminy, 380 powiaty and 16 województwa', async () => {
    const data = await seeded.api.data(`{
      gminy: jsts(filter: { level: MUNICIPALITY }, first: 1) { totalCount }
      powiaty: jsts(filter: { level: COUNTY }, first: 1) { totalCount }
      woj: jsts(filter: { level: VOIVODESHIP }, first: 1) { totalCount }
    }`);
    expect([data.gminy.totalCount, data.powiaty.totalCount, data.woj.totalCount]).toEqual([2477, 380, 16]);
  });

  it('serves the seed partnerships and programmes', async () => {
    const data = await seeded.api.data(`{ partnerships(first: 1) { totalCount } programmes { code } }`);
    expect(data.partnerships.totalCount).toBe(70);
    expect(data.programmes.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['EEA-PP', 'POPT-MOF', 'SLZ', 'CWD', 'CWD-PLUS']));
  });

  it('finds Łódź when searching "lodz", ignoring case and diacritics', async () => {
    const data = await seeded.api.data(`{ jsts(filter: { search: "LODZ", level: MUNICIPALITY }, first: 50) { edges { node { teryt name } } } }`);
    expect(data.jsts.edges.map((e: { node: { name: string } }) => e.node.name)).toContain('Łódź');
  });

  it('keeps same-named units apart by code and shows their kind', async () => {
    const data = await seeded.api.data(`{ town: jst(teryt: "1201011") { name kindLabel } rural: jst(teryt: "1201022") { name kindLabel } }`);
    expect(data.town).toEqual({ name: 'Bochnia', kindLabel: 'gmina miejska' });
    expect(data.rural).toEqual({ name: 'Bochnia', kindLabel: 'gmina wiejska' });
  });

  it('answers null for a well-formed key the atlas does not have, and the rest of the answer with it', async () => {
    const result = await seeded.api.run(`{
      known: jst(teryt: "1201011") { name } gmina: jst(teryt: "1201091") { name } powiat: jst(teryt: "1259") { name }
      partnership(slug: "nie-ma-takiego") { name } programme(code: "NIE-MA") { name } programmes { code } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ known: { name: 'Bochnia' }, gmina: null, powiat: null, partnership: null, programme: null });
    expect(result.data!.programmes.length).toBeGreaterThan(0);
  });

  it('still refuses a malformed key with BAD_USER_INPUT on its argument, nulling only that field', async () => {
    const result = await seeded.api.run(`{ bad: jst(teryt: "12a4") { name } good: jst(teryt: "1201011") { name } }`);
    expect(result.data).toEqual({ bad: null, good: { name: 'Bochnia' } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['bad'], extensions: { code: 'BAD_USER_INPUT', field: 'teryt', reason: 'MALFORMED' } });
  });

  it('pages through a filter with cursors, never repeating or skipping a unit', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const data: any = await seeded.api.data(`query($after: String) { jsts(filter: { voivodeship: "08", level: MUNICIPALITY }, first: 30, after: $after) {
        totalCount edges { node { teryt } } pageInfo { hasNextPage endCursor } } }`, { after });
      total = data.jsts.totalCount;
      seen.push(...data.jsts.edges.map((e: { node: { teryt: string } }) => e.node.teryt));
      after = data.jsts.pageInfo.hasNextPage ? data.jsts.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort());
  });

  it('lists the members of a partnership as JSTs', async () => {
    const data = await seeded.api.data(`{ jsts(filter: { memberOf: "blisko-krakowa" }) { totalCount edges { node { name } } } }`);
    expect(data.jsts.totalCount).toBe(5);
  });

  it('lists gminy that belong to no partnership', async () => {
    const data = await seeded.api.data(`{
      none: jsts(filter: { level: MUNICIPALITY, memberOfNone: true }, first: 1) { totalCount }
      some: jsts(filter: { level: MUNICIPALITY, memberOfNone: false }, first: 1) { totalCount }
    }`);
    expect(data.none.totalCount + data.some.totalCount).toBe(2477);
    expect(data.some.totalCount).toBeGreaterThan(300);
  });

  it('filters partnerships by programme and status', async () => {
    const data = await seeded.api.data(`{ partnerships(filter: { programme: "SLZ", statuses: [LAUREATE] }) { edges { node { slug } } } }`);
    expect(data.partnerships.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(
      expect.arrayContaining(['aglomeracja-walbrzyska', 'lgd-dolina-raby', 'lgd-wokol-lysej-gory']),
    );
    expect(data.partnerships.edges).toHaveLength(5);
  });

  it('finds the partnerships containing a point in Poznań, and the gmina there', async () => {
    const data = await seeded.api.data(`{ partnershipsAt(lon: 16.93, lat: 52.41) { slug } jstAt(lon: 16.93, lat: 52.41) { teryt name } }`);
    expect(data.partnershipsAt.map((p: { slug: string }) => p.slug)).toContain('metropolia-poznan');
    expect(data.jstAt).toEqual({ teryt: '3064011', name: 'Poznań' });
  });

  it('answers null for a point outside Poland', async () => {
    const data = await seeded.api.data(`{ partnershipsAt(lon: 2.35, lat: 48.85) { slug } jstAt(lon: 2.35, lat: 48.85) { teryt } }`);
    expect(data).toEqual({ partnershipsAt: [], jstAt: null });
  });

  it('filters partnerships by a bbox and by a GeoJSON geometry alike', async () => {
    const data = await seeded.api.data(`{
      box: partnerships(filter: { bbox: [19.8, 49.95, 20.1, 50.15] }) { edges { node { slug } } }
      poly: partnerships(filter: { intersects: { type: "Polygon", coordinates: [[[19.8, 49.95], [20.1, 49.95], [20.1, 50.15], [19.8, 50.15], [19.8, 49.95]]] } }) { edges { node { slug } } }
    }`);
    expect(data.box.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain('metropolia-krakowska');
    expect(data.poly).toEqual(data.box);
  });

  it('reports coverage overall and per województwo, consistent with itself', async () => {
    const data = await seeded.api.data(`{ coverage { gminyTotal gminyCovered gminyShare areaShare byVoivodeship { gminyTotal gminyCovered } } }`);
    const c = data.coverage;
    expect(c.gminyTotal).toBe(2477);
    expect(c.byVoivodeship).toHaveLength(16);
    expect(c.byVoivodeship.reduce((n: number, r: { gminyCovered: number }) => n + r.gminyCovered, 0)).toBe(c.gminyCovered);
    expect(c.gminyShare).toBeCloseTo(c.gminyCovered / 2477, 10);
    expect(c.areaShare).toBeGreaterThan(0);
    expect(c.areaShare).toBeLessThan(1);
  });

  it('narrows coverage to a programme and a województwo', async () => {
    const data = await seeded.api.data(`{ all: coverage(voivodeship: "02") { gminyCovered gminyTotal } zit: coverage(programme: "ZIT-2014-2020", voivodeship: "02") { gminyCovered gminyTotal } }`);
    expect(data.zit.gminyTotal).toBe(data.all.gminyTotal);
    expect(data.zit.gminyCovered).toBeGreaterThanOrEqual(22); // Aglomeracja Wałbrzyska alone has 22 gminy in 2014–2020
    expect(data.zit.gminyCovered).toBeLessThanOrEqual(data.all.gminyCovered);
  });

  it('sets reported programme figures beside what is loaded', async () => {
    const data = await seeded.api.data(`{ programme(code: "EEA-PP") { reportedFigures { value unit phase sources { ref } } loaded { partnerships } } }`);
    expect(data.programme.reportedFigures).toEqual(expect.arrayContaining([expect.objectContaining({ value: 61, phase: 'I' })]));
    expect(data.programme.reportedFigures.every((f: { sources: unknown[] }) => f.sources.length > 0)).toBe(true);
    expect(data.programme.loaded.partnerships).toBeLessThan(61);
  });

  it('returns lighter geometry when asked to simplify and round', async () => {
    const data = await seeded.api.data(`{ jst(teryt: "30") { full: geometry light: geometry(simplify: 0.01, precision: 3) } }`);
    const positions = (g: unknown) => (JSON.stringify(g).match(/\[-?\d+(\.\d+)?,-?\d+(\.\d+)?\]/g) ?? []).length;
    expect(data.jst.light.type).toBe('MultiPolygon');
    expect(positions(data.jst.light)).toBeLessThan(positions(data.jst.full) / 2);
    expect(JSON.stringify(data.jst.light)).not.toMatch(/\d\.\d{4,}/);
  });

  it('serves every boundary of a level as one FeatureCollection with partnership slugs', async () => {
    const data = await seeded.api.data(`{ jstFeatures(level: MUNICIPALITY, simplify: 0.01, precision: 3) }`);
    const fc = data.jstFeatures;
    expect(fc.features).toHaveLength(2477);
    const krakow = fc.features.find((f: { id: string }) => f.id === '1261011');
    expect(krakow.properties.partnerships).toContain('metropolia-krakowska');
  });

  it.each(exampleQueries())('answers the documented example $name without errors', async ({ query }) => {
    const result = await seeded.api.run(query);
    expect(result.errors).toBeUndefined();
  });
});

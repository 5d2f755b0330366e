import { describe, expect, it } from '@jest/globals';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { query } from '../../server/db/sql.js';
import { parseCsv } from '../../server/import/csv.js';
import { ATTRIBUTION_LINE, DATA_LICENCE } from '../../server/shared/data-licence.js';
import { useRunningApp } from '../support/running-app.js';

const FORMULA = '=HYPERLINK("http://example.com/x","Kliknij")';

describe('CSV and GeoJSON downloads', () => {
  const running = useRunningApp();

  const get = (path: string) => fetch(`${running.app.url}${path}`);
  const filter = (f: unknown) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

  it('exports the members of filtered partnerships as CSV the import can read back', async () => {
    const response = await get(`/export/partnerships.csv?${filter({ programme: 'SLZ' })}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('partnerships.csv');
    const csv = parseCsv(await response.text());
    expect(csv.header).toEqual(['partnership', 'partnership_name', 'version', 'teryt', 'jst_name', 'jst_kind', 'role', 'joined', 'left', 'programmes', 'source', 'basis', 'inference_rule', 'as_of']);
    const walbrzych = csv.rows.filter((r) => r.values.partnership === 'aglomeracja-walbrzyska');
    expect(walbrzych).toHaveLength(28);
    expect(walbrzych.find((r) => r.values.teryt === '0265011')?.values).toMatchObject({ jst_name: 'Wałbrzych', role: 'MEMBER' });
    expect(new Set(csv.rows.map((r) => r.values.partnership)).size).toBe(5);
  });

  it('exports filtered partnerships as GeoJSON functional areas', async () => {
    const response = await get(`/export/partnerships.geojson?${filter({ search: 'krakow' })}&simplify=0.01&precision=4`);
    const fc = (await response.json()) as { features: { id: string; geometry: { type: string }; properties: { memberCount: number } }[] };
    const krakow = fc.features.find((f) => f.id === 'metropolia-krakowska');
    expect(krakow?.geometry.type).toBe('MultiPolygon');
    expect(krakow?.properties.memberCount).toBe(15);
  });

  it('names the data licence in every download: a Link header, and in GeoJSON the license and attribution members', async () => {
    for (const path of ['partnerships.csv', 'partnerships.geojson?simplify=0.05', 'jsts.csv', `jsts.geojson?${filter({ county: '1201' })}`]) {
      const response = await get(`/export/${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('link')).toBe(`<${DATA_LICENCE.url}>; rel="license"`);
      const body = await response.text();
      if (path.includes('geojson')) expect(JSON.parse(body)).toMatchObject({ type: 'FeatureCollection', license: DATA_LICENCE, attribution: ATTRIBUTION_LINE });
      else expect(body).not.toContain('CC BY'); // the CSV stays the import's own columns
    }
  });

  it('exports filtered JSTs as CSV and GeoJSON', async () => {
    const f = filter({ county: '1201' });
    const csv = parseCsv(await (await get(`/export/jsts.csv?${f}`)).text());
    expect(csv.rows.map((r) => r.values.teryt)).toContain('1201011');
    const fc = (await (await get(`/export/jsts.geojson?${f}&simplify=0.005`)).json()) as { features: unknown[] };
    expect(fc.features).toHaveLength(csv.rows.length);
  });

  it('gives back an empty diff when the whole export (either layout) is imported unchanged', async () => {
    const token = (await new TokenService(running.db.em()).create('round-trip', Role.EDITOR, null)).secret;
    for (const layout of ['', '?excel=pl']) {
      const exported = await (await get(`/export/partnerships.csv${layout}`)).text();
      expect(exported).toContain(' | '); // several sources in one cell
      const response = await fetch(`${running.app.url}/import/partnerships?dryRun=true`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: exported });
      const result = (await response.json()) as { rows: number; errors: unknown[]; changes: unknown[] };
      expect(result.rows).toBeGreaterThan(400);
      expect(result.errors).toEqual([]);
      expect(result.changes).toEqual([]);
    }
  });

  it('neutralises cells a spreadsheet would run as formulas, in every CSV export', async () => {
    const slug = (await query<{ slug: string }>(running.db.em(), `update partnership set name = ? where slug = 'aglomeracja-walbrzyska' returning slug`, [FORMULA]))[0]!.slug;
    const csv = parseCsv(await (await get(`/export/partnerships.csv?${filter({ search: 'walbrzysk' })}`)).text());
    expect(csv.rows.find((r) => r.values.partnership === slug)?.values.partnership_name).toBe(FORMULA); // the import reads the quote away again
    const raw = await (await get(`/export/partnerships.csv?${filter({ search: 'walbrzysk' })}`)).text();
    expect(raw).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    expect(raw).not.toMatch(/(^|[,;\n])"?=HYPERLINK/);
    await query(running.db.em(), `update jst set name = '@SUM(A1)' where teryt = '1201011'`);
    const jsts = await (await get(`/export/jsts.csv?${filter({ county: '1201' })}`)).text();
    expect(jsts).toContain(",'@SUM(A1),");
  });

  it('writes ";" and a decimal comma for Polish Excel on ?excel=pl or ?delimiter=semicolon', async () => {
    for (const option of ['excel=pl', 'delimiter=semicolon']) {
      const text = await (await get(`/export/jsts.csv?${filter({ county: '1201' })}&${option}`)).text();
      const [header, first] = text.replace(/^\uFEFF/, '').split('\r\n');
      expect(header).toBe('teryt;name;kind;level;parent;voivodeship;area_km2;partnerships;as_of');
      expect(first!.split(';')[6]).toMatch(/^\d+,\d{1,2}$/);
    }
    expect((await get('/export/jsts.csv?excel=de')).status).toBe(400);
  });

  it('answers a bad filter with 400 and BAD_USER_INPUT', async () => {
    const response = await get(`/export/jsts.csv?${filter({ voivodeship: '99' })}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.voivodeship' });
    expect((await get('/export/jsts.csv?filter=%7Bnope')).status).toBe(400);
  });
});

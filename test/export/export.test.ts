import { describe, expect, it } from '@jest/globals';
import { parseCsv } from '../../server/import/csv.js';
import { useRunningApp } from '../support/running-app.js';

describe('CSV and GeoJSON downloads', () => {
  const running = useRunningApp();

  const get = (path: string) => fetch(`${running.app.url}${path}`);
  const filter = (f: unknown) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

  it('exports the members of filtered partnerships as CSV the import can read back', async () => {
    const response = await get(`/export/partnerships.csv?${filter({ programme: 'SLZ' })}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('partnerships.csv');
    const csv = parseCsv(await response.text());
    expect(csv.header).toEqual(['partnership', 'partnership_name', 'teryt', 'jst_name', 'jst_kind', 'role', 'joined', 'left', 'programmes', 'source']);
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

  it('exports filtered JSTs as CSV and GeoJSON', async () => {
    const f = filter({ county: '1201' });
    const csv = parseCsv(await (await get(`/export/jsts.csv?${f}`)).text());
    expect(csv.rows.map((r) => r.values.teryt)).toContain('1201011');
    const fc = (await (await get(`/export/jsts.geojson?${f}&simplify=0.005`)).json()) as { features: unknown[] };
    expect(fc.features).toHaveLength(csv.rows.length);
  });

  it('answers a bad filter with 400 and BAD_USER_INPUT', async () => {
    const response = await get(`/export/jsts.csv?${filter({ voivodeship: '99' })}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.voivodeship' });
    expect((await get('/export/jsts.csv?filter=%7Bnope')).status).toBe(400);
  });
});

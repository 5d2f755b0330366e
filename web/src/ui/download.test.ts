import { describe, expect, it } from '@jest/globals';
import { DEFAULT_STATE } from '../state/url-state.js';
import { exportFilter, exportUrls } from './download.js';
import { datedFileName } from './image-layout.js';

describe('download this view', () => {
  it('maps every filter of the view to the export filter, and leaves out the empty ones', () => {
    expect(exportFilter(DEFAULT_STATE)).toEqual({});
    const view = { ...DEFAULT_STATE, programme: 'CWD', status: 'GRANTEE' as const, voivodeship: '10', legalForms: ['AGREEMENT'], areaTypes: ['MOF', 'ZIT'] };
    expect(exportFilter(view)).toEqual({ programme: 'CWD', statuses: ['GRANTEE'], voivodeship: '10', legalForms: ['AGREEMENT'], areaTypes: ['MOF', 'ZIT'] });
    const urls = exportUrls(view);
    expect(JSON.parse(new URL(urls.geojson, 'http://x').searchParams.get('filter')!)).toEqual(exportFilter(view));
    expect(new URL(urls.csvExcel, 'http://x').searchParams.get('excel')).toBe('pl');
    expect(exportUrls(DEFAULT_STATE)).toEqual({ csv: '/export/partnerships.csv', csvExcel: '/export/partnerships.csv?excel=pl', geojson: '/export/partnerships.geojson' });
  });

  it('names a saved file with the local date', () => {
    expect(datedFileName('png', new Date(2026, 0, 5, 23, 59))).toBe('atlas-partnerstw-2026-01-05.png');
  });
});

import { describe, expect, it } from '@jest/globals';
import { parseCsv } from '../../server/import/csv.js';

describe('parseCsv', () => {
  it('reads ";" as Excel in a Polish locale writes it, with a BOM and CRLF', () => {
    const parsed = parseCsv('\uFEFFPartnerstwo;TERYT;Źródło\r\nDolina Raby;1201022;https://example.org\r\n');
    expect(parsed.separator).toBe(';');
    expect(parsed.header).toEqual(['partnerstwo', 'teryt', 'źródło']);
    expect(parsed.rows).toEqual([{ line: 2, values: { partnerstwo: 'Dolina Raby', teryt: '1201022', źródło: 'https://example.org' } }]);
  });

  it('reads "," with quoted fields holding separators, quotes and line breaks, and keeps line numbers', () => {
    const parsed = parseCsv('partnership,teryt,source\n"Łódź, Zgierz ""razem""",1061011,"https://a.pl/x\ny"\nGOAP,3064011,https://b.pl\n');
    expect(parsed.rows[0]).toEqual({ line: 2, values: { partnership: 'Łódź, Zgierz "razem"', teryt: '1061011', source: 'https://a.pl/x\ny' } });
    expect(parsed.rows[1]!.line).toBe(4);
  });

  it('skips blank lines', () => {
    expect(parseCsv('a,b\n\n1,2\n\n').rows).toEqual([{ line: 3, values: { a: '1', b: '2' } }]);
  });
});

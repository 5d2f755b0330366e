import { describe, expect, it } from '@jest/globals';
import { stringifyYielding } from '../../server/graphql/stringify.js';
import { GeoJsonText } from '../../server/shared/geojson-text.js';

describe('geometry passed through as PostGIS wrote it', () => {
  // Not JSON.stringify's spelling ("19.0", "50.10", the spaces): a parse and re-stringify would change it.
  const text = '{"type":"Point", "coordinates":[19.0,50.10]}';

  it('is copied into the answer byte for byte, inside objects and long lists', async () => {
    const answer = { data: { a: { geometry: new GeoJsonText(text) }, list: Array.from({ length: 40 }, () => ({ geometry: new GeoJsonText(text) })) } };
    const written = await stringifyYielding(answer);
    expect(written.startsWith(`{"data":{"a":{"geometry":${text}},"list":[{"geometry":${text}},`)).toBe(true);
    expect(written.split(text)).toHaveLength(42);
  });

  it('reads as the same geometry anywhere else JSON.stringify meets it', () => {
    expect(JSON.parse(JSON.stringify({ g: new GeoJsonText(text) }))).toEqual({ g: { type: 'Point', coordinates: [19, 50.1] } });
  });
});

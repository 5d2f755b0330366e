import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHARED_GEODATA } from '../../geodata/locate-source.js';

/** The shared boundaries of Poland (`../shared/geodata`), the import's real input. */
export const GEODATA_DIR = SHARED_GEODATA;

/** Writes a GeoJSON document to a fresh temporary file and returns its path. */
export function writeTempGeoJson(name: string, content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-geodata-'));
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** A FeatureCollection of one unit with the given code and polygon rings (lng,lat degrees). */
export function featureCollection(units: { terc: string; name: string; rings: number[][][] }[], crs?: string) {
  return {
    type: 'FeatureCollection',
    ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
    features: units.map((u) => ({ type: 'Feature', properties: { terc: u.terc, name: u.name }, geometry: { type: 'Polygon', coordinates: u.rings } })),
  };
}

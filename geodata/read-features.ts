import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** One administrative unit read from a GeoJSON file, before validation. */
export interface RawUnit {
  teryt: string;
  name: string;
  geometry: Geometry;
  /** EPSG code the coordinates are in (4326 or 2180). */
  srid: number;
  /** File and feature index, for error messages. */
  origin: string;
}

/** A problem with the input that stops the import; the database is left as it was. */
export class GeodataInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`geodata rejected (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.slice(0, 20).join('\n  - ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
    this.name = 'GeodataInputError';
  }
}

/** Reads the EPSG code a FeatureCollection declares (`crs.properties.name`); GeoJSON's default is 4326. */
function declaredSrid(fc: { crs?: { properties?: { name?: string } } }, origin: string): number {
  const name = fc.crs?.properties?.name;
  if (!name) return 4326;
  if (/(EPSG::?4326|CRS84)$/i.test(name)) return 4326;
  if (/EPSG::?2180$/i.test(name)) return 2180;
  throw new GeodataInputError([`${origin}: unsupported CRS "${name}" (use EPSG:4326 or EPSG:2180)`]);
}

/** Code and name from our mirror's properties (`terc`, `name`) or PRG's (`JPT_KOD_JE`, `JPT_NAZWA_`). */
function codeAndName(props: Record<string, unknown> | null): { teryt?: string; name?: string } {
  const teryt = props?.terc ?? props?.JPT_KOD_JE ?? props?.teryt;
  const name = props?.name ?? props?.JPT_NAZWA_ ?? props?.nazwa;
  return {
    teryt: typeof teryt === 'string' || typeof teryt === 'number' ? String(teryt).trim() : undefined,
    name: typeof name === 'string' ? name.trim() : undefined,
  };
}

/** Coordinates that cannot be lng/lat degrees (or EPSG:2180 metres) mean a broken or mislabelled file. */
function firstBadCoordinate(geometry: Geometry, srid: number): number[] | undefined {
  const inRange =
    srid === 4326
      ? (c: number[]) => Math.abs(c[0]!) <= 180 && Math.abs(c[1]!) <= 90
      : (c: number[]) => c[0]! > 0 && c[0]! < 1_200_000 && c[1]! > 0 && c[1]! < 1_000_000;
  const visit = (node: unknown): number[] | undefined => {
    if (!Array.isArray(node)) return undefined;
    if (typeof node[0] === 'number') {
      const c = node as number[];
      return c.length >= 2 && c.every(Number.isFinite) && inRange(c) ? undefined : c;
    }
    for (const child of node) {
      const bad = visit(child);
      if (bad) return bad;
    }
    return undefined;
  };
  return 'coordinates' in geometry ? visit(geometry.coordinates) : [];
}

/** Parses one FeatureCollection text into units; collects every problem rather than stopping at the first. */
export function readFeatureCollection(text: string, origin: string): RawUnit[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GeodataInputError([`${origin}: not valid JSON (${(error as Error).message})`]);
  }
  const fc = parsed as FeatureCollection & { crs?: { properties?: { name?: string } } };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new GeodataInputError([`${origin}: expected a GeoJSON FeatureCollection`]);
  }
  const srid = declaredSrid(fc, origin);
  const problems: string[] = [];
  const units: RawUnit[] = [];
  fc.features.forEach((feature: Feature, i) => {
    const where = `${origin} feature #${i}`;
    const { teryt, name } = codeAndName(feature?.properties as Record<string, unknown> | null);
    if (!teryt) return void problems.push(`${where}: no TERC code (property "terc" or "JPT_KOD_JE")`);
    if (!name) return void problems.push(`${where} (${teryt}): no name (property "name" or "JPT_NAZWA_")`);
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      return void problems.push(`${where} (${teryt}): geometry must be a Polygon or MultiPolygon, got ${geometry?.type ?? 'none'}`);
    }
    const bad = firstBadCoordinate(geometry, srid);
    if (bad) {
      return void problems.push(`${where} (${teryt}): coordinate ${JSON.stringify(bad)} is outside the range of EPSG:${srid}`);
    }
    units.push({ teryt, name, geometry, srid, origin: where });
  });
  if (problems.length) throw new GeodataInputError(problems);
  return units;
}

import { DEFAULT_PRECISION } from '../../input/geometry-options.js';

/**
 * How many bytes a geometry field will answer, estimated from its arguments before anything runs,
 * so the cost limit can price `jstFeatures(level: MUNICIPALITY, precision: 7)` by what it sends.
 *
 * The figures below were measured on the boundaries every install imports (`../shared/geodata`,
 * PRG about 2020) with PostGIS (`sum(ST_NPoints(…))`, `length(ST_AsGeoJSON(…))`);
 * test/hardening/geometry-bytes.test.ts checks the estimate against the real answers, so a new
 * boundary source that breaks them fails there.
 */

/** Units per level: 2,477 gminy, 380 powiaty, 16 województwa; the largest województwo (14, mazowieckie) has 314 gminy, 42 powiaty. */
export const FEATURES = {
  MUNICIPALITY: { all: 2_477, largestVoivodeship: 314 },
  COUNTY: { all: 380, largestVoivodeship: 42 },
  VOIVODESHIP: { all: 16, largestVoivodeship: 1 },
} as const;

export type Level = keyof typeof FEATURES;

/** Average vertices of one unsimplified boundary: 69,647 / 2,477 gminy, 29,932 / 380 powiaty, 6,450 / 16 województwa. */
const VERTICES: Record<Level, number> = { MUNICIPALITY: 28.2, COUNTY: 78.8, VOIVODESHIP: 403 };

/**
 * Vertices of one `Jst.geometry` in a list: the worst page of 200 is all 16 województwa and 184 powiaty,
 * (16 × 403 + 184 × 78.8) / 200 ≈ 105 a unit.
 */
const JST_VERTICES = 110;

/** Vertices of one functional area (a union of its members): 101 on average over the 51 seed areas, 235 at most. */
const AREA_VERTICES = 120;

/** Bytes of a Feature's envelope and properties (type, id, teryt, name, kind, parent, a partnership slug): 195–208 measured. */
const FEATURE_ENVELOPE_BYTES = 200;

/**
 * Share of vertices left after `ST_SimplifyPreserveTopology(tolerance)`: k / (k + tolerance), k = 0.012°.
 * Measured on gminy: 0.98 at 0.001°, 0.79 at 0.005°, 0.51 at 0.01°, 0.19 at 0.05° (model: 0.92, 0.71, 0.55, 0.19).
 */
export function verticesKept(tolerance: number): number {
  const k = 0.012;
  return k / (k + Math.max(0, tolerance));
}

/**
 * Bytes of one vertex in GeoJSON with `precision` decimals: `[lon,lat],` with two integer digits each,
 * 2 × precision + 11 (measured 17.3 at 3 decimals, 40.5 at 15).
 */
export function bytesPerVertex(precision: number): number {
  return 2 * Math.max(0, precision) + 11;
}

export interface GeometryShape {
  /** Simplification tolerance in degrees (0: none). */
  simplify: number;
  /** Decimal places of coordinates. */
  precision: number;
}

function shapeBytes(vertices: number, shape: GeometryShape): number {
  return vertices * verticesKept(shape.simplify) * bytesPerVertex(shape.precision);
}

/** Bytes of `jstFeatures(level, voivodeship, simplify, precision)`: every unit of the level (of the largest województwo when one is named). */
export function jstFeaturesBytes(level: Level, oneVoivodeship: boolean, shape: GeometryShape): number {
  const features = oneVoivodeship ? FEATURES[level].largestVoivodeship : FEATURES[level].all;
  return features * (FEATURE_ENVELOPE_BYTES + shapeBytes(VERTICES[level], shape));
}

/** Bytes of one `Jst.geometry`. */
export function jstGeometryBytes(shape: GeometryShape): number {
  return shapeBytes(JST_VERTICES, shape);
}

/** Bytes of one `FunctionalArea.geometry`. */
export function areaGeometryBytes(shape: GeometryShape): number {
  return shapeBytes(AREA_VERTICES, shape);
}

/**
 * Bytes of answer one cost point stands for. A plain field costs 1 and answers some tens of bytes;
 * a geometry field costs its estimated bytes / 100, so the default budget of 50,000 points lets one
 * operation send about 5 MB of geometry.
 */
export const BYTES_PER_POINT = 100;

/** The arguments of a field as the client sent them, after variables and schema defaults. */
export type FieldArgs = Readonly<Record<string, unknown>>;

const shapeOf = (args: FieldArgs): GeometryShape => ({
  simplify: typeof args.simplify === 'number' ? args.simplify : 0,
  precision: typeof args.precision === 'number' ? args.precision : DEFAULT_PRECISION,
});

const points = (bytes: number) => Math.max(1, Math.ceil(bytes / BYTES_PER_POINT));

/**
 * Cost in points of each geometry-returning field ("Type.field"), in place of the 1 a plain field costs;
 * a field inside a list is multiplied by the list's items as usual.
 */
export const GEOMETRY_FIELD_COSTS: Readonly<Record<string, (args: FieldArgs) => number>> = {
  'Query.jstFeatures': (args) => {
    const level = (typeof args.level === 'string' && args.level in FEATURES ? args.level : 'MUNICIPALITY') as Level;
    return points(jstFeaturesBytes(level, args.voivodeship != null, shapeOf(args)));
  },
  'Jst.geometry': (args) => points(jstGeometryBytes(shapeOf(args))),
  'FunctionalArea.geometry': (args) => points(areaGeometryBytes(shapeOf(args))),
};

import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { Geometry } from 'geojson';

/** PostGIS geometry subtypes we store. */
export type GeometryKind = 'MultiPolygon' | 'Polygon' | 'Point' | 'Geometry';

/** Every geometry in the database uses WGS 84 longitude/latitude. */
export const SRID = 4326;

/**
 * The one place where GeoJSON meets PostGIS: a MikroORM column type that writes GeoJSON
 * (lng,lat order, degrees) as `geometry(<kind>, 4326)` and reads it back as GeoJSON.
 * Conversion happens in SQL, so PostGIS parses and validates the geometry.
 */
export class GeometryType extends Type<Geometry | null, string | null> {
  constructor(private readonly kind: GeometryKind = 'Geometry') {
    super();
  }

  override convertToDatabaseValue(value: Geometry | null): string | null {
    return value ? JSON.stringify(value) : null;
  }

  override convertToJSValue(value: string | null | Geometry): Geometry | null {
    if (value === null || value === undefined) return null;
    return typeof value === 'string' ? (JSON.parse(value) as Geometry) : value;
  }

  override convertToDatabaseValueSQL(key: string): string {
    const geom = `ST_SetSRID(ST_GeomFromGeoJSON(${key}), ${SRID})`;
    return this.kind === 'MultiPolygon' ? `ST_Multi(${geom})` : geom;
  }

  override convertToJSValueSQL(key: string): string {
    return `ST_AsGeoJSON(${key})`;
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(_prop: EntityProperty, _platform: Platform): string {
    return `geometry(${this.kind}, ${SRID})`;
  }
}

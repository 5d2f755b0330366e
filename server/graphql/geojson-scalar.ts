import type { Geometry } from 'geojson';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parseGeometry } from '../input/geo.js';
import { InputError } from '../shared/errors.js';
import type { GeoJsonText } from '../shared/geojson-text.js';

function literalToValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map(literalToValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalToValue(f.value)]));
    case Kind.NULL:
      return null;
    default:
      throw new InputError('GeoJSON', 'variables are not allowed inside a GeoJSON literal', 'MALFORMED');
  }
}

function parse(value: unknown): Geometry {
  // A client may send the geometry as an object or as a JSON string.
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new InputError('GeoJSON', 'not valid JSON', 'MALFORMED');
    }
  }
  return parseGeometry('GeoJSON', parsed);
}

/** A GeoJSON geometry object (RFC 7946): coordinates in longitude,latitude order, degrees, EPSG:4326. */
export const GeoJSONScalar = new GraphQLScalarType<Geometry, Geometry | GeoJsonText>({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry (RFC 7946): coordinates in longitude, latitude order, in degrees (EPSG:4326)',
  // PostGIS's text passes through untouched: the answer's writer copies it (server/graphql/stringify.ts).
  serialize: (value) => value as Geometry | GeoJsonText,
  parseValue: parse,
  parseLiteral: (node) => parse(literalToValue(node)),
});

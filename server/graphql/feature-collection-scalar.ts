import type { FeatureCollection } from 'geojson';
import { GraphQLScalarType } from 'graphql';

/** Output-only: a GeoJSON FeatureCollection (RFC 7946), coordinates in longitude, latitude degrees. */
export const FeatureCollectionScalar = new GraphQLScalarType<FeatureCollection, FeatureCollection>({
  name: 'GeoJSONFeatureCollection',
  description: 'A GeoJSON FeatureCollection (RFC 7946), coordinates in longitude, latitude order, degrees (EPSG:4326). Output only',
  serialize: (value) => value as FeatureCollection,
  parseValue: () => {
    throw new TypeError('GeoJSONFeatureCollection is an output type');
  },
});

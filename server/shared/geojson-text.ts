import type { Geometry } from 'geojson';

/**
 * A geometry as PostGIS wrote it (`ST_AsGeoJSON`): the API's writer (server/graphql/stringify.ts)
 * copies the text into the answer, so a geometry is never parsed and stringified again in JS
 * (that cost 6× the SQL for a functional area).
 */
export class GeoJsonText {
  constructor(readonly text: string) {}

  /** For any other JSON.stringify (the in-process test client, exports): the parsed geometry, same output. */
  toJSON(): Geometry {
    return JSON.parse(this.text) as Geometry;
  }
}

import type { Geometry } from 'geojson';
import { AreaType, LegalForm, ParticipationStatus } from '../partnership/partnership-enums.js';
import { parseBbox, parseGeometry, parsePoint } from './geo.js';
import { enumValue, listOf, parseBoolean, parseObject, type FieldParsers } from './object.js';
import { parseProgrammeCode } from './programme-code.js';
import { parseSearch } from './search.js';
import { parseCurrentTeryt, parseVoivodeship } from './teryt.js';

/** A `partnerships` filter after parsing: each condition well-formed; `search` is folded text (see `parseSearch`). */
export interface PartnershipQuery {
  programme: string;
  statuses: ParticipationStatus[];
  voivodeship: string;
  member: string;
  legalForms: LegalForm[];
  areaTypes: AreaType[];
  search: string;
  bbox: [number, number, number, number];
  intersects: Geometry;
  containsPoint: { lon: number; lat: number };
  includeArchived: boolean;
}

const PARSERS: FieldParsers<PartnershipQuery> = {
  programme: parseProgrammeCode,
  statuses: listOf(enumValue(ParticipationStatus)),
  voivodeship: parseVoivodeship,
  member: parseCurrentTeryt,
  legalForms: listOf(enumValue(LegalForm)),
  areaTypes: listOf(enumValue(AreaType)),
  search: parseSearch,
  bbox: parseBbox,
  // GraphQL's GeoJSON scalar has checked the shape already; a URL filter's geometry is checked here.
  intersects: (field, value) => parseGeometry(field, value),
  containsPoint: parsePoint,
  includeArchived: parseBoolean,
};

/** The filter of `partnerships` and `/export/partnerships.*`: the GraphQL input object or the JSON of `?filter=`. */
export function parsePartnershipFilter(raw: unknown, field = 'filter'): Partial<PartnershipQuery> {
  return parseObject(field, raw, PARSERS);
}

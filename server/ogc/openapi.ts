import { SUPPORTED_CRS } from '../input/crs.js';
import { DEFAULT_OGC_LIMIT, MAX_OGC_LIMIT, MAX_OGC_OFFSET, type OgcFilterName } from '../input/ogc-query.js';
import { ParticipationStatus } from '../partnership/partnership-enums.js';
import { DATA_LICENCE } from '../shared/data-licence.js';
import type { OgcCollection } from './collections.js';
import { GEOJSON, HTML_TYPE, JSON_TYPE } from './documents.js';

type Parameter = { name: string; in: 'query' | 'path'; required?: boolean; description: string; schema: Record<string, unknown>; style?: string; explode?: boolean };

const crsSchema = { type: 'string', format: 'uri', enum: SUPPORTED_CRS.map((c) => c.uri) };

const COMMON: Parameter[] = [
  { name: 'f', in: 'query', description: 'Representation: json (GeoJSON for features) or html; otherwise the Accept header decides.', schema: { type: 'string', enum: ['json', 'html'] } },
];
const CRS_PARAMETER: Parameter = { name: 'crs', in: 'query', description: 'CRS of the answer (default CRS84, lon,lat); coordinates in the axis order of the CRS.', schema: crsSchema };

const ITEMS_PARAMETERS: Parameter[] = [
  { name: 'limit', in: 'query', description: `Features in the page (default ${DEFAULT_OGC_LIMIT}); a larger value than ${MAX_OGC_LIMIT} is lowered to ${MAX_OGC_LIMIT}.`, schema: { type: 'integer', minimum: 1, maximum: MAX_OGC_LIMIT, default: DEFAULT_OGC_LIMIT } },
  { name: 'offset', in: 'query', description: 'Features to skip (follow the `next` and `prev` links rather than counting).', schema: { type: 'integer', minimum: 0, maximum: MAX_OGC_OFFSET, default: 0 } },
  {
    name: 'bbox', in: 'query', style: 'form', explode: false,
    description: 'Only features whose geometry intersects the box: lower corner, upper corner, in the axis order of bbox-crs (CRS84: west,south,east,north).',
    schema: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } },
  },
  { name: 'bbox-crs', in: 'query', description: 'CRS of bbox (default CRS84).', schema: crsSchema },
  {
    name: 'datetime', in: 'query', style: 'form', explode: false,
    description:
      'Time (OGC API Features Part 1 §7.15.4): an instant (2015-06-01, or an RFC 3339 date-time: its date counts) for the state on that day, or an interval ' +
      'start/end with ".." for an open end (2014-01-01/2020-12-31, 2019-01-01/..) for what existed at some time in it. Partnerships: running then, with their area from the members then; ' +
      'memberships: valid then; gminy, powiaty, województwa: the partnerships they belong to then. Without it: today (memberships: all, past included).',
    schema: { type: 'string' },
  },
  CRS_PARAMETER,
];

const FILTER_PARAMETERS: Record<OgcFilterName, Parameter> = {
  programme: { name: 'programme', in: 'query', description: 'Programme code (e.g. EEA-PP): partnerships taking part, their members, their memberships.', schema: { type: 'string' } },
  status: { name: 'status', in: 'query', description: 'Participation status in a programme (with `programme`: in that programme).', schema: { type: 'string', enum: Object.values(ParticipationStatus) } },
  wojewodztwo: { name: 'wojewodztwo', in: 'query', description: 'TERYT code of a województwo (2 digits): units in it, partnerships with a current member in it.', schema: { type: 'string', pattern: '^\\d{2}$' } },
  teryt: { name: 'teryt', in: 'query', description: 'TERYT code: this unit; partnerships it is a current member of; its memberships.', schema: { type: 'string', pattern: '^\\d{2}(\\d{2}(\\d{3})?)?$' } },
  partnership: { name: 'partnership', in: 'query', description: "A partnership's slug: its current members; its memberships.", schema: { type: 'string' } },
};

const json = (description: string, type = JSON_TYPE) => ({ description, content: { [type]: { schema: { type: 'object' } }, [HTML_TYPE]: { schema: { type: 'string' } } } });
const ERRORS = {
  '400': { description: 'Bad input: the one error body (docs/errors.md), code BAD_USER_INPUT with `field` and `reason`.', content: { [JSON_TYPE]: { schema: { type: 'object' } } } },
  '404': { description: 'No such collection or feature: code NOT_FOUND.', content: { [JSON_TYPE]: { schema: { type: 'object' } } } },
};

function collectionPaths(c: OgcCollection): Record<string, unknown> {
  const path = `/collections/${c.id}`;
  return {
    [path]: { get: { operationId: `describe-${c.id}`, summary: `${c.title}: description`, parameters: COMMON, responses: { '200': json(c.description), ...ERRORS } } },
    [`${path}/items`]: {
      get: {
        operationId: `get-${c.id}-features`, summary: `${c.title}: features`, tags: [c.id],
        parameters: [...ITEMS_PARAMETERS, ...c.filters.map((f) => FILTER_PARAMETERS[f]), ...COMMON],
        responses: { '200': json('A page of features (FeatureCollection with numberMatched, numberReturned, next/prev links).', GEOJSON), ...ERRORS },
      },
    },
    [`${path}/items/{featureId}`]: {
      get: {
        operationId: `get-${c.id}-feature`, summary: `${c.title}: one feature`, tags: [c.id],
        parameters: [{ name: 'featureId', in: 'path', required: true, description: `Feature id: ${c.idDescription}.`, schema: { type: 'string' } }, CRS_PARAMETER, ...COMMON],
        responses: { '200': json('One feature (GeoJSON).', GEOJSON), ...ERRORS },
      },
    },
  };
}

/** The OpenAPI 3.0 definition of the OGC API, built from the collections so the two cannot drift apart. */
export function openApiDocument(base: string, collections: readonly OgcCollection[]) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Atlas Partnerstw: OGC API Features',
      version: '1.0.0',
      description: 'OGC API Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) and Part 2 (CRS by reference). See docs/ogc-api.md.',
      license: { name: DATA_LICENCE.name, url: DATA_LICENCE.url },
    },
    servers: [{ url: `${base}/ogc` }],
    paths: {
      '/': { get: { operationId: 'landing-page', summary: 'Landing page', parameters: COMMON, responses: { '200': json('Links to the API definition, conformance and the collections.') } } },
      '/conformance': { get: { operationId: 'conformance', summary: 'Conformance classes', parameters: COMMON, responses: { '200': json('The conformance classes implemented.') } } },
      '/api': { get: { operationId: 'api', summary: 'This definition', parameters: COMMON, responses: { '200': json('The OpenAPI 3.0 definition.') } } },
      '/collections': { get: { operationId: 'collections', summary: 'The collections', parameters: COMMON, responses: { '200': json('Every collection with its extent, CRSs and links.') } } },
      ...Object.assign({}, ...collections.map(collectionPaths)),
    },
  };
}

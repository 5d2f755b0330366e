import type { FastifyInstance } from 'fastify';
import type { Em } from '../db/orm.js';
import { sendRepresentation } from '../http/representation.js';
import { readEm, VERSION_PARAM } from '../http/version-pin.js';
import { parseGeometryOptions } from '../input/geometry-options.js';
import { parseJstFilter } from '../input/jst-filter.js';
import { parsePartnershipFilter } from '../input/partnership-filter.js';
import { DATA_LICENCE } from '../shared/data-licence.js';
import { InputError } from '../shared/errors.js';
import { parseAsOf } from '../input/as-of.js';
import type { ReadCache } from '../dataset/read-cache.js';
import { today } from '../time/as-of.js';
import { DEFAULT_LAYOUT, type CsvLayout } from './csv-write.js';
import { ExportService } from './export.service.js';

export interface ExportRouteOptions {
  /** The root EntityManager; each download gets a fork. */
  em: Em;
  /**
   * Downloads kept per dataset version, URL and day (absent: none kept). A past day's file unions each
   * partnership's members of that day, seconds of work that the next request for that day skips.
   */
  cache?: ReadCache;
}

/** The data's licence as an RFC 8288 link: the CSV itself has no place for it that a re-import would not read. */
export const LICENSE_LINK = `<${DATA_LICENCE.url}>; rel="license"`;

/** Query parameters each format takes; any other (a typo such as `filtr`) is refused rather than ignored. */
const PARAMETERS = { csv: ['filter', 'excel', 'delimiter', 'asOf', VERSION_PARAM], geojson: ['filter', 'simplify', 'precision', 'asOf', VERSION_PARAM] } as const;

function checkParameters(url: URL, format: 'csv' | 'geojson'): void {
  const known: readonly string[] = PARAMETERS[format];
  for (const name of url.searchParams.keys()) {
    if (!known.includes(name)) throw new InputError(name, `is not a parameter of a ${format} download (known: ${known.join(', ')})`, 'UNKNOWN_KEY');
  }
}

/** The JSON of `?filter=`: absent is no filter; anything else must be a JSON object, parsed like the GraphQL argument. */
function filterJson(url: URL): unknown {
  const raw = url.searchParams.get('filter');
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new InputError('filter', 'must be JSON, the same object as the GraphQL filter argument', 'MALFORMED');
  }
}

/** `?excel=pl` or `?delimiter=semicolon`: `;` and a decimal comma, what Excel in a Polish locale opens without the import wizard. */
function layoutParam(url: URL): CsvLayout {
  const excel = url.searchParams.get('excel');
  const delimiter = url.searchParams.get('delimiter');
  if (excel !== null && excel !== 'pl') throw new InputError('excel', 'the only Excel layout is "pl" (";" and a decimal comma)', 'NOT_ALLOWED');
  if (delimiter !== null && delimiter !== 'semicolon' && delimiter !== 'comma') throw new InputError('delimiter', 'must be "semicolon" or "comma"', 'NOT_ALLOWED');
  return excel === 'pl' || delimiter === 'semicolon' ? { delimiter: ';', decimalComma: true } : DEFAULT_LAYOUT;
}

/** The answer of one download: the parsers run first, so bad input never reaches a query. */
async function download(service: ExportService, url: URL, what: 'partnerships' | 'jsts', format: 'csv' | 'geojson'): Promise<string> {
  checkParameters(url, format);
  const raw = filterJson(url);
  const asOf = parseAsOf('asOf', url.searchParams.get('asOf') ?? undefined);
  if (format === 'csv') {
    const layout = layoutParam(url);
    return what === 'partnerships' ? service.partnershipsCsv(parsePartnershipFilter(raw), asOf, layout) : service.jstsCsv(parseJstFilter(raw), asOf, layout);
  }
  const geometry = parseGeometryOptions({ simplify: url.searchParams.get('simplify'), precision: url.searchParams.get('precision') });
  const fc = what === 'partnerships' ? await service.partnershipsGeoJson(parsePartnershipFilter(raw), geometry, asOf) : await service.jstsGeoJson(parseJstFilter(raw), geometry, asOf);
  return JSON.stringify(fc);
}

const sized = (body: string) => ({ value: body, bytes: body.length });

const FILES = [
  ['partnerships', 'csv'],
  ['partnerships', 'geojson'],
  ['jsts', 'csv'],
  ['jsts', 'geojson'],
] as const;

/**
 * `GET /export/partnerships.csv|geojson` and `/export/jsts.csv|geojson`, with `?filter=<JSON>` taking
 * the same filter as the GraphQL lists, through the same parser (and `simplify`, `precision` for
 * GeoJSON; `excel=pl` or `delimiter=semicolon` for CSV; `asOf=YYYY-MM-DD` for the state on that day,
 * today without it: the file says its day, in an `as_of` column or an `asOf` member). Bad input is a DomainError, which the HTTP
 * layer answers with 400 and the one error body. Any origin may download. HEAD answers like GET
 * without the body; ETag/If-None-Match (304) and `Range: bytes=…` (206) let GDAL's /vsicurl/,
 * QGIS and caches read them.
 */
export async function exportRoutes(app: FastifyInstance, options: ExportRouteOptions): Promise<void> {
  for (const [what, format] of FILES) {
    app.get(`/export/${what}.${format}`, { config: { cors: true } }, async (request, reply) => {
      const url = new URL(request.url, 'http://localhost');
      const em = readEm(request, options.em);
      const make = () => download(new ExportService(em), url, what, format);
      // Keyed by today's date too: a download without asOf describes today.
      const body = options.cache ? await options.cache.read(em, ['export', url.pathname, url.search, today()], async () => sized(await make())) : await make();
      reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${what}.${format}"`);
      reply.header('link', LICENSE_LINK);
      return sendRepresentation(request, reply, body);
    });
  }
}

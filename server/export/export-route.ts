import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Em } from '../db/orm.js';
import { geometryOptions } from '../graphql/geometry-args.js';
import type { JstFilter } from '../jst/jst.inputs.js';
import type { PartnershipFilter } from '../partnership/partnership.inputs.js';
import { sendDomainError } from '../http/domain-error-response.js';
import { DomainError, InputError } from '../shared/errors.js';
import { DEFAULT_LAYOUT, type CsvLayout } from './csv-write.js';
import { ExportService } from './export.service.js';

export interface ExportRouteOptions {
  /** The root EntityManager; each download gets a fork. */
  em: Em;
}

const ROUTES = /^\/export\/(partnerships|jsts)\.(csv|geojson)$/;

function filterParam<T>(url: URL): T | null {
  const raw = url.searchParams.get('filter');
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new InputError('filter', 'must be JSON, the same object as the GraphQL filter argument');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InputError('filter', 'must be a JSON object');
  return parsed as T;
}

/** `?excel=pl` or `?delimiter=semicolon`: `;` and a decimal comma, what Excel in a Polish locale opens without the import wizard. */
function layoutParam(url: URL): CsvLayout {
  const excel = url.searchParams.get('excel');
  const delimiter = url.searchParams.get('delimiter');
  if (excel !== null && excel !== 'pl') throw new InputError('excel', 'the only Excel layout is "pl" (";" and a decimal comma)');
  if (delimiter !== null && delimiter !== 'semicolon' && delimiter !== 'comma') throw new InputError('delimiter', 'must be "semicolon" or "comma"');
  return excel === 'pl' || delimiter === 'semicolon' ? { delimiter: ';', decimalComma: true } : DEFAULT_LAYOUT;
}

const numberParam = (url: URL, name: string) => (url.searchParams.has(name) ? Number(url.searchParams.get(name)) : null);

/**
 * `GET /export/partnerships.csv|geojson` and `/export/jsts.csv|geojson`, with `?filter=<JSON>` taking
 * the same filter as the GraphQL lists (and `simplify`, `precision` for GeoJSON; `excel=pl` or
 * `delimiter=semicolon` for CSV).
 */
export function exportRoute(options: ExportRouteOptions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const match = ROUTES.exec(url.pathname);
    if (!match || req.method !== 'GET') return false;
    const [, what, format] = match as unknown as [string, 'partnerships' | 'jsts', 'csv' | 'geojson'];
    const service = new ExportService(options.em.fork() as Em);
    try {
      let body: string;
      if (format === 'csv') {
        const layout = layoutParam(url);
        body = what === 'partnerships' ? await service.partnershipsCsv(filterParam<PartnershipFilter>(url), layout) : await service.jstsCsv(filterParam<JstFilter>(url), layout);
      } else {
        const geometry = geometryOptions({ simplify: numberParam(url, 'simplify'), precision: numberParam(url, 'precision') });
        const fc = what === 'partnerships' ? await service.partnershipsGeoJson(filterParam<PartnershipFilter>(url), geometry) : await service.jstsGeoJson(filterParam<JstFilter>(url), geometry);
        body = JSON.stringify(fc);
      }
      res.writeHead(200, {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${what}.${format}"`,
        'Access-Control-Allow-Origin': '*',
      });
      res.end(body);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendDomainError(res, error);
    }
    return true;
  };
}

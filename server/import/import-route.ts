import type { IncomingMessage, ServerResponse } from 'node:http';
import { requireRole } from '../auth/guard.js';
import { Role } from '../auth/role.js';
import { TokenService } from '../auth/token.service.js';
import type { Em } from '../db/orm.js';
import { sendDomainError } from '../http/domain-error-response.js';
import { sendJson } from '../http/send-json.js';
import { HttpError, readBodyBytes } from '../http/read-body.js';
import { DomainError, InputError } from '../shared/errors.js';
import { MAX_IMPORT_BYTES, PartnershipImportService } from './partnership-import.service.js';

export interface ImportRouteOptions {
  /** The root EntityManager; each upload gets a fork. */
  em: Em;
}

/** `?dryRun=true|false`: required, as in the GraphQL mutation, so nobody writes by forgetting it. */
function dryRunParam(url: URL): boolean {
  const value = url.searchParams.get('dryRun');
  if (value !== 'true' && value !== 'false') throw new InputError('dryRun', 'give ?dryRun=true (the diff only) or ?dryRun=false (write)', 'MALFORMED');
  return value === 'true';
}

/**
 * `POST /import/partnerships?dryRun=true|false` with the CSV file as the body (`text/csv`, up to
 * 5 MB, which the GraphQL endpoint's 1 MB body limit cannot carry) and an editor's
 * `Authorization: Bearer …`. Answers the same JSON as the `importPartnerships` mutation.
 */
export function importRoute(options: ImportRouteOptions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname !== '/import/partnerships') return false;
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'POST the CSV file to /import/partnerships');
    try {
      const dryRun = dryRunParam(url);
      const actor = requireRole(await new TokenService(options.em.fork() as Em).actorFor(req.headers.authorization), Role.EDITOR);
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!['text/csv', 'text/plain', 'application/octet-stream'].includes(type)) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `send the file as Content-Type: text/csv, not "${type || 'none'}"`);
      }
      const body = await readBodyBytes(req, { maxBytes: MAX_IMPORT_BYTES });
      sendJson(res, 200, await new PartnershipImportService(options.em.fork() as Em).run(actor, body, dryRun));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The body may be unread (refused before reading): close rather than parse the rest as a request.
      res.shouldKeepAlive = false;
      sendDomainError(res, error);
    }
    return true;
  };
}

import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth/guard.js';
import { Role } from '../auth/role.js';
import { TokenService } from '../auth/token.service.js';
import type { Em } from '../db/orm.js';
import { HttpError } from '../http/http-error.js';
import { readBodyBytes } from '../http/read-body.js';
import { sendJson } from '../http/send-json.js';
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
export async function importRoutes(app: FastifyInstance, options: ImportRouteOptions): Promise<void> {
  // The handler reads the body itself, once the token and the content type check out, with its own limit.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  app.all('/import/partnerships', async (request, reply) => {
    if (request.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'POST the CSV file to /import/partnerships');
    try {
      const dryRun = dryRunParam(new URL(request.url, 'http://localhost'));
      const actor = requireRole(await new TokenService(options.em.fork() as Em).actorFor(request.headers.authorization), Role.EDITOR);
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!['text/csv', 'text/plain', 'application/octet-stream'].includes(type)) {
        throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `send the file as Content-Type: text/csv, not "${type || 'none'}"`);
      }
      const body = await readBodyBytes(request.raw, { maxBytes: MAX_IMPORT_BYTES });
      return sendJson(reply, 200, await new PartnershipImportService(options.em.fork() as Em).run(actor, body, dryRun));
    } catch (error) {
      // The body may be unread (refused before reading): close rather than parse the rest as a request.
      if (error instanceof DomainError) reply.header('connection', 'close');
      throw error;
    }
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Em } from '../db/orm.js';
import { VersionLog, type VersionRecord } from '../dataset/version-log.js';
import { parseVersionNumber, parseVersionsQuery } from '../input/version.js';
import { renderHtml } from '../ogc/html.js';
import { acceptQuality } from './graphiql-page.js';
import { HttpError } from './http-error.js';
import { originOf } from './origin.js';
import { addVary } from './vary.js';

export interface VersionsRouteOptions {
  /** The root EntityManager; each request reads the log through a fork. */
  em: Em;
  /** Reverse proxies of our own in front of the server (for the links' origin). */
  trustedProxies: number;
}

/** Where a version can be seen and read: the map pinned to it, and the API pinned to it. */
export const versionLinks = (base: string, version: number) => ({
  map: `${base}/?version=${version}`,
  graphql: `${base}/graphql?version=${version}&query=${encodeURIComponent('{ dataset { version changedAt } }')}`,
  self: `${base}/versions/${version}`,
});

const json = (base: string, v: VersionRecord) => ({ version: v.version, committedAt: v.committedAt.toISOString(), actor: v.actor, summary: v.summary, links: versionLinks(base, v.version) });

function wantsHtml(request: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'html';
  const accept = request.headers.accept;
  if (!accept) return false;
  const html = acceptQuality(accept, 'text/html');
  return html > 0 && acceptQuality(accept, 'application/json') < html;
}

function send(reply: FastifyReply, html: boolean, body: () => unknown, page: () => string): FastifyReply {
  addVary(reply, 'Accept');
  // The log grows with every write: short-lived like the other reads, never stored by a token's request.
  reply.header('cache-control', 'public, max-age=30');
  if (html) return reply.header('content-type', 'text/html; charset=utf-8').send(page());
  return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body()));
}

/**
 * `GET /versions` (newest first, `?first=&before=`) and `GET /versions/{n}` (one version with its
 * audit entries): JSON, or HTML for a browser (by Accept, or `?f=html`). docs/versions.md.
 */
export async function versionsRoute(app: FastifyInstance, options: VersionsRouteOptions): Promise<void> {
  app.get('/versions', { config: { cors: true } }, async (request, reply) => {
    const params = new URL(request.url, 'http://localhost').searchParams;
    const q = parseVersionsQuery(params);
    const base = originOf(request, options.trustedProxies);
    const page = await new VersionLog(options.em.fork() as Em).list({ limit: q.first, afterKey: q.before === undefined ? null : String(q.before) });
    const last = page.nodes.at(-1);
    const next = page.hasNextPage && last ? `${base}/versions?first=${q.first}&before=${last.version}` : null;
    return send(reply, wantsHtml(request, q.format), () => ({ versions: page.nodes.map((v) => json(base, v)), next }), () =>
      renderHtml({
        titlePl: 'Wersje danych',
        titleEn: 'Data versions',
        intro: ['Każda zapisana zmiana tworzy wersję; link do wersji pokazuje dane dokładnie w tym stanie. / Every committed change makes a version; a version\'s link shows the data exactly as it was.'],
        links: next ? [{ href: `${next}&f=html`, rel: 'next', title: 'starsze / older' }] : [],
        table: {
          head: ['Wersja / Version', 'Czas / Time (UTC)', 'Kto / By', 'Zmiana / Change', 'Mapa / Map'],
          rows: page.nodes.map((v) => [{ href: `/versions/${v.version}?f=html`, text: String(v.version) }, v.committedAt.toISOString(), v.actor, v.summary, { href: `/?version=${v.version}`, text: 'mapa / map' }]),
        },
      }),
    );
  });

  app.get<{ Params: { n: string } }>('/versions/:n', { config: { cors: true } }, async (request, reply) => {
    const params = new URL(request.url, 'http://localhost').searchParams;
    const { format } = parseVersionsQuery(params);
    const version = parseVersionNumber('version', request.params.n)!;
    const log = new VersionLog(options.em.fork() as Em);
    const record = await log.get(version);
    if (!record) throw new HttpError(404, 'NOT_FOUND', `no version ${version} in the version log`, { field: 'version', reason: 'VERSION_NOT_AVAILABLE' });
    const changes = await log.changes(version);
    const base = originOf(request, options.trustedProxies);
    return send(reply, wantsHtml(request, format), () => ({ ...json(base, record), changes }), () =>
      renderHtml({
        titlePl: `Wersja ${version}`,
        titleEn: `Version ${version}`,
        intro: [`${record.committedAt.toISOString()} · ${record.actor} · ${record.summary}`],
        links: [{ href: `/?version=${version}`, rel: 'alternate', title: 'mapa w tej wersji / the map at this version' }, { href: '/versions?f=html', rel: 'up', title: 'wszystkie wersje / all versions' }],
        table: { head: ['Czynność / Action', 'Co / What', 'Kto / By', 'Czas / Time'], rows: changes.map((c) => [c.action, `${c.entity} ${c.entityKey}`, c.actor, new Date(c.at).toISOString()]) },
      }),
    );
  });
}

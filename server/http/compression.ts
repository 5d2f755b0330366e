import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, onSendHookHandler } from 'fastify';

export interface CompressionOptions {
  /** Answers smaller than this many bytes are sent as they are (compressing them gains less than it costs). */
  thresholdBytes: number;
}

/**
 * A strong ETag names exact bytes: once the plugin has compressed them they are other bytes, so the
 * tag gets the coding as a suffix (`"…-br"`), as Apache does; If-None-Match matching ignores it
 * (server/http/representation.ts). Weak tags (static files: @fastify/send's own) are left alone.
 */
const etagPerCoding: onSendHookHandler = (_request, reply, payload, done) => {
  const etag = reply.getHeader('etag');
  const coding = reply.getHeader('content-encoding');
  if (typeof etag === 'string' && etag.startsWith('"') && (coding === 'br' || coding === 'gzip')) reply.header('etag', `${etag.slice(0, -1)}-${coding}"`);
  done(null, payload);
};

/**
 * Compresses answers (GraphQL, exports, static files without a precompressed copy) with brotli or
 * gzip, whichever the client's Accept-Encoding prefers (brotli on a tie), adding Vary: Accept-Encoding.
 * Brotli runs at quality 4 (the plugin's default; 11 costs seconds on megabytes of geometry). Partial
 * answers (206) stay uncompressed, since their Content-Range counts bytes of the identity body.
 * Request bodies are not decompressed: body limits count the bytes as sent.
 * Registered on the root before any route: the plugin adds its onSend hook to each route as it is
 * declared, and the ETag hook goes in after it.
 */
export async function registerCompression(app: FastifyInstance, { thresholdBytes }: CompressionOptions): Promise<void> {
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: thresholdBytes, globalDecompression: false });
  app.addHook('onRoute', (route) => {
    route.onSend = [...(Array.isArray(route.onSend) ? route.onSend : route.onSend ? [route.onSend] : []), etagPerCoding];
  });
}

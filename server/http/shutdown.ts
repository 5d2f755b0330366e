import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface GracefulCloseOptions {
  /** How long in-flight requests may take to finish before their connections are cut, in ms. */
  timeoutMs: number;
}

/**
 * While the server shuts down, every answer closes its connection (`Connection: close`) and the
 * connections left idle are closed at once, so close() waits for requests in flight, not for
 * keep-alive timeouts. Fastify marks only requests that arrive after close() began; this covers
 * the ones already running.
 */
export const drainOnClose = fp(
  async (app: FastifyInstance) => {
    const closing = () => !app.server.listening;
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (closing()) reply.header('connection', 'close');
      done(null, payload);
    });
    app.addHook('onResponse', (_request, _reply, done) => {
      if (closing()) setImmediate(() => app.server.closeIdleConnections());
      done();
    });
  },
  { name: 'atlas-drain' },
);

/**
 * Stops accepting connections, closes idle keep-alive ones, lets in-flight requests finish, and
 * after `timeoutMs` closes whatever is still open. Resolves `{ forced }`: whether any had to be cut.
 */
export async function closeGracefully(app: FastifyInstance, { timeoutMs }: GracefulCloseOptions = { timeoutMs: 10_000 }): Promise<{ forced: boolean }> {
  let forced = false;
  const timer = setTimeout(() => {
    forced = true;
    app.server.closeAllConnections();
  }, timeoutMs);
  timer.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
  return { forced };
}

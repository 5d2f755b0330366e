import type { Server } from 'node:http';

export interface GracefulCloseOptions {
  /** How long in-flight requests may take to finish before their connections are cut. */
  timeoutMs: number;
}

/**
 * Stops accepting connections, closes idle keep-alive ones, lets in-flight requests finish (the
 * server closes each connection once its answer is sent, see createHttpServer), and after
 * `timeoutMs` closes whatever is still open. Resolves `{ forced }`: whether any had to be cut.
 */
export function closeGracefully(server: Server, { timeoutMs }: GracefulCloseOptions = { timeoutMs: 10_000 }): Promise<{ forced: boolean }> {
  return new Promise((resolve, reject) => {
    let forced = false;
    const timer = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, timeoutMs);
    timer.unref();
    server.close((error) => {
      clearTimeout(timer);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
      else resolve({ forced });
    });
    server.closeIdleConnections();
  });
}

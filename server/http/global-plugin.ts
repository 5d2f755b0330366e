import type { FastifyInstance } from 'fastify';

/**
 * Marks a plugin so that its hooks apply to the whole server rather than only to routes it declares
 * itself (what the fastify-plugin package does, by the same symbol Fastify reads).
 */
export function globalPlugin<O>(plugin: (app: FastifyInstance, options: O) => Promise<void>): (app: FastifyInstance, options: O) => Promise<void> {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}

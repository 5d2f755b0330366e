import type { FastifyReply } from 'fastify';

/**
 * Adds `names` to the answer's Vary header, keeping what another plugin put there (CORS adds
 * Origin, the GraphiQL page Accept, the HTTP cache Accept and Authorization); each once, case ignored.
 */
export function addVary(reply: FastifyReply, ...names: string[]): FastifyReply {
  const values = String(reply.getHeader('vary') ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  for (const name of names) if (!values.some((v) => v.toLowerCase() === name.toLowerCase())) values.push(name);
  return reply.header('vary', values.join(', '));
}

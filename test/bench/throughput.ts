import Fastify from 'fastify';
import { Worker } from 'node:worker_threads';

/**
 * Requests per second of one POST, driven from a worker thread (so the load generator does not
 * share the server's event loop): `connections` keep-alive clients for `seconds`.
 */
export async function requestsPerSecond(url: string, body: string, seconds = 3, connections = 8): Promise<number> {
  const worker = new Worker(new URL('./throughput-worker.js', import.meta.url), { workerData: { url, body, seconds, connections } });
  const [count, errors] = await new Promise<[number, number]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (errors) throw new Error(`${errors} requests to ${url} failed`);
  return count / seconds;
}

export const TYPENAME = JSON.stringify({ query: '{ __typename }' });

/**
 * `{__typename}` on the API ÷ a bare Fastify route answering the same JSON, both from the same
 * load generator in the same run; measured twice, alternating, the better of each kept.
 */
export async function typenameRatio(apiUrl: string): Promise<{ api: number; bare: number }> {
  const bare = Fastify({ logger: false });
  bare.post('/graphql', async () => ({ data: { __typename: 'Query' } }));
  const address = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    let api = 0;
    let best = 0;
    for (let round = 0; round < 2; round++) {
      api = Math.max(api, await requestsPerSecond(`${apiUrl}/graphql`, TYPENAME));
      best = Math.max(best, await requestsPerSecond(`${address}/graphql`, TYPENAME));
    }
    return { api, bare: best };
  } finally {
    await bare.close();
  }
}

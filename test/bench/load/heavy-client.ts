/**
 * Heavy readers of the heavy-read probe, run in a worker thread: their own event loop receives and
 * checks the megabytes, so the server's (main) thread is measured, not the load generator's.
 * workerData: { url, query, clients, seconds }; posts back { samples, errors, busy }.
 */
import { parentPort, workerData } from 'node:worker_threads';

interface Job {
  url: string;
  query: string;
  clients: number;
  seconds: number;
}

const job = workerData as Job;
const out = { samples: [] as number[], errors: 0, busy: 0 };
const until = performance.now() + job.seconds * 1000;

async function client(): Promise<void> {
  while (performance.now() < until) {
    const t0 = performance.now();
    try {
      const response = await fetch(`${job.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: job.query }) });
      const body = (await response.json()) as { errors?: unknown[] };
      if (response.status === 503) out.busy++;
      else if (response.status !== 200 || body.errors) out.errors++;
    } catch {
      out.errors++;
    }
    out.samples.push(performance.now() - t0);
  }
}

await Promise.all(Array.from({ length: job.clients }, () => client()));
parentPort!.postMessage(out);

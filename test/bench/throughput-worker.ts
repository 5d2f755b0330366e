import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/** The load generator of throughput.ts: counts answered POSTs (status 200) until time is up. */
const { url, body, seconds, connections } = workerData as { url: string; body: string; seconds: number; connections: number };
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const until = performance.now() + seconds * 1000;
let count = 0;
let errors = 0;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const req = request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) count++;
          else errors++;
          resolve();
        });
      },
    );
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end(body);
  });
}

async function client(): Promise<void> {
  while (performance.now() < until) await once();
}

await Promise.all(Array.from({ length: connections }, client));
agent.destroy();
parentPort!.postMessage([count, errors]);

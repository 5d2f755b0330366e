import { Worker } from 'node:worker_threads';

/**
 * The heavy-read probe of `npm run bench:load`: how long a trivial read takes while heavy reads
 * (whole-country boundaries, close to the cost limit) run beside it, against the same read alone.
 */

/** A trivial read: one gmina's name (Kraków). */
export const TRIVIAL_READ = '{ jst(teryt: "1261011") { name } }';

/**
 * About the heaviest operation the cost limit lets through: every gmina twice, unsimplified, at 7
 * and 6 decimals (estimated 43,450 points of 50,000; about 4.3 MB of answer).
 */
export const HEAVY_READ = `{
  a: jstFeatures(level: MUNICIPALITY, precision: 7)
  b: jstFeatures(level: MUNICIPALITY, precision: 6) }`;

/** The goal for the trivial read's p99 while four heavy reads run, in milliseconds. */
export const TRIVIAL_P99_GOAL_MS = 250;

export interface ProbeFigures {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

export interface HeavyProbeResult {
  alone: ProbeFigures;
  underLoad: ProbeFigures;
  heavy: ProbeFigures & { refusedBusy: number };
}

async function post(url: string, query: string): Promise<{ ok: boolean; status: number }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown[] };
  return { ok: response.status === 200 && !body.errors, status: response.status };
}

function figures(samples: number[], errors: number): ProbeFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
  return { requests: samples.length, errors, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** One client sending `query` back to back until `until` (a performance.now() time); 10 ms apart for the trivial reader. */
async function loop(url: string, query: string, until: number, pauseMs: number, out: { samples: number[]; errors: number; busy: number }) {
  while (performance.now() < until) {
    const t0 = performance.now();
    const result = await post(url, query).catch(() => ({ ok: false, status: 0 }));
    out.samples.push(performance.now() - t0);
    if (result.status === 503) out.busy++;
    else if (!result.ok) out.errors++;
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

const sink = () => ({ samples: [] as number[], errors: 0, busy: 0 });

/** `clients` readers sending `query` back to back for `seconds`, in a worker thread of their own. */
function heavyReaders(url: string, query: string, clients: number, seconds: number): Promise<ReturnType<typeof sink>> {
  const worker = new Worker(new URL('./heavy-client.js', import.meta.url), { workerData: { url, query, clients, seconds } });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/**
 * Trivial reads alone for `seconds`, then the same beside `heavyClients` clients sending HEAVY_READ
 * back to back. One heavy read first warms the database (PostGIS's first call in a process is slow).
 */
export async function runHeavyProbe(url: string, seconds: number, heavyClients = 4): Promise<HeavyProbeResult> {
  await post(url, HEAVY_READ);
  const alone = sink();
  await loop(url, TRIVIAL_READ, performance.now() + seconds * 1000, 10, alone);
  const trivial = sink();
  const heavies = heavyReaders(url, HEAVY_READ, heavyClients, seconds);
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the heavy reads start first
  await loop(url, TRIVIAL_READ, performance.now() + seconds * 1000 - 200, 10, trivial);
  const heavy = await heavies;
  return {
    alone: figures(alone.samples, alone.errors),
    underLoad: figures(trivial.samples, trivial.errors),
    heavy: { ...figures(heavy.samples, heavy.errors), refusedBusy: heavy.busy },
  };
}

export function formatProbe(result: HeavyProbeResult): string {
  const row = (name: string, f: ProbeFigures) =>
    `${name.padEnd(44)}${String(f.requests).padStart(8)}${`${f.p50.toFixed(1)} ms`.padStart(11)}${`${f.p99.toFixed(1)} ms`.padStart(11)}${`${f.max.toFixed(1)} ms`.padStart(11)}${String(f.errors).padStart(8)}`;
  const pass = result.underLoad.p99 <= TRIVIAL_P99_GOAL_MS && result.underLoad.errors === 0;
  return [
    `${'heavy-read probe'.padEnd(44)}${'requests'.padStart(8)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'max'.padStart(11)}${'errors'.padStart(8)}`,
    row('trivial jst(teryt) { name }, alone', result.alone),
    row('trivial, beside 4 heavy readers', result.underLoad),
    row('heavy: 2 × jstFeatures(MUNICIPALITY)', result.heavy),
    `heavy reads refused busy (503, Retry-After): ${result.heavy.refusedBusy}`,
    `goal: trivial p99 ≤ ${TRIVIAL_P99_GOAL_MS} ms beside 4 heavy readers: ${pass ? 'PASS' : 'FAIL'} (${result.underLoad.p99.toFixed(1)} ms)`,
  ].join('\n');
}

/** Small timing helpers for the benchmarks: they print figures, they do not pass or fail. */

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, max: sorted[sorted.length - 1]! };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Runs `fn` `warmup` times unmeasured, then `n` times measured, one after another; the times in ms. */
export async function times(n: number, fn: (i: number) => Promise<unknown>, warmup = 2): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await timed(() => fn(i))).ms);
  return ms;
}

/** Like `times`, summarised. */
export async function sample(n: number, fn: (i: number) => Promise<unknown>, warmup = 2): Promise<Stats> {
  return stats(await times(n, fn, warmup));
}

export const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
export const fmtStats = (s: Stats) => `p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  mean ${fmt(s.mean)}  (n=${s.n})`;

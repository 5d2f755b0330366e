import { seededRandom, type Operation } from './workload.js';

export interface OperationFigures {
  name: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  seconds: number;
  operations: OperationFigures[];
  overall: OperationFigures;
  writer?: unknown;
}

/** A concurrent writer (e.g. test/bench/edit-writer.ts) started with the readers and stopped with them; its report is printed. */
export type WriterSlot = (url: string) => Promise<{ stop(): Promise<unknown> }>;

export interface LoadOptions {
  url: string;
  operations: Operation[];
  /** How long the readers run. */
  seconds: number;
  /** Readers sending one request after another. */
  clients: number;
  writer?: WriterSlot;
}

function figures(name: string, samples: number[], errors: number, seconds: number): OperationFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);
  return { name, requests: samples.length, errors, perSecond: samples.length / seconds, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** Runs `clients` readers for `seconds` (each picks operations at random), with the writer beside them if there is one. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const samples = new Map(options.operations.map((o) => [o.name, [] as number[]]));
  const errors = new Map(options.operations.map((o) => [o.name, 0]));
  const writer = options.writer ? await options.writer(options.url) : undefined;
  const started = performance.now();
  const endAt = started + options.seconds * 1000;
  const client = async (id: number) => {
    const rnd = seededRandom(1000 + id);
    while (performance.now() < endAt) {
      const op = options.operations[Math.floor(rnd() * options.operations.length)]!;
      const t0 = performance.now();
      const ok = await op.run(options.url, rnd).catch(() => false);
      samples.get(op.name)!.push(performance.now() - t0);
      if (!ok) errors.set(op.name, errors.get(op.name)! + 1);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  const seconds = (performance.now() - started) / 1000;
  const writerReport = writer ? await writer.stop() : undefined;
  const operations = options.operations.map((o) => figures(o.name, samples.get(o.name)!, errors.get(o.name)!, seconds));
  const all = [...samples.values()].flat();
  const overall = figures('overall', all, [...errors.values()].reduce((a, b) => a + b, 0), seconds);
  return { seconds, operations, overall, ...(writer ? { writer: writerReport } : {}) };
}

export function formatResult(result: LoadResult): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  const row = (f: OperationFigures) =>
    `${f.name.padEnd(36)}${String(f.requests).padStart(8)}${f.perSecond.toFixed(1).padStart(9)}${ms(f.p50)}${ms(f.p99)}${ms(f.max)}${String(f.errors).padStart(8)}`;
  return [
    `${'operation'.padEnd(36)}${'requests'.padStart(8)}${'req/s'.padStart(9)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}${'errors'.padStart(8)}`,
    ...result.operations.map(row),
    row(result.overall),
  ].join('\n');
}

import { fmt, stats, timed } from './measure.js';
import { post } from './reads.js';

/**
 * `asOf` reads ÷ the same reads for today, p50 in one run (goal ≤ 2×). "cached": the same past day
 * every time (the read cache keeps coverage and past-day areas per day); "cold": a new past day every
 * time, so each read computes afresh (coverage, and the union of that day's members for an area).
 * Rounds interleave the three, so a slow patch of the shared machine hits them alike.
 */
const CASES: { name: string; query: (asOf: string | null) => string }[] = [
  {
    name: 'partnerships(first: 50) { members { jst } }',
    query: (asOf) => `{ partnerships(first: 50${asOf ? `, asOf: "${asOf}"` : ''}) { edges { node { slug name members { role joined jst { teryt name } } } } } }`,
  },
  {
    name: 'coverage { byVoivodeship }',
    query: (asOf) => `{ coverage${asOf ? `(asOf: "${asOf}")` : ''} { gminyCovered areaShare partnerships byVoivodeship { gminyCovered areaShare } } }`,
  },
  {
    name: 'partnership(slug) { members functionalArea }',
    query: (asOf) => `{ partnership(slug: "aglomeracja-walbrzyska"${asOf ? `, asOf: "${asOf}"` : ''}) { members { jst { teryt name } } functionalArea { memberCount areaKm2 geometry(simplify: 0.001, precision: 5) } } }`,
  },
];

const ROUNDS = 15;

/** A past day per round for the cold reads: 2015-01-01 plus `i` days (each one new to the cache). */
const coldDay = (i: number) => new Date(Date.UTC(2015, 0, 1 + i)).toISOString().slice(0, 10);

export async function asOfBench(url: string): Promise<string[]> {
  const lines = ['asOf reads ÷ the same reads today (p50; goal ≤ 2×)'];
  let day = 0;
  for (const c of CASES) {
    const ms = { today: [] as number[], cached: [] as number[], cold: [] as number[] };
    for (let i = 0; i < 2; i++) await Promise.all([post(url, c.query(null)), post(url, c.query('2016-06-01'))]); // warm-up
    for (let i = 0; i < ROUNDS; i++) {
      ms.today.push((await timed(() => post(url, c.query(null)))).ms);
      ms.cached.push((await timed(() => post(url, c.query('2016-06-01')))).ms);
      ms.cold.push((await timed(() => post(url, c.query(coldDay(day++))))).ms);
    }
    const [today, cached, cold] = [stats(ms.today).p50, stats(ms.cached).p50, stats(ms.cold).p50];
    const ratio = (x: number) => `${(x / today).toFixed(2)}× ${x / today <= 2 ? 'PASS' : 'FAIL'}`;
    lines.push(`  ${c.name}: today ${fmt(today)}; asOf cached ${fmt(cached)} = ${ratio(cached)}; asOf cold ${fmt(cold)} = ${ratio(cold)}`);
  }
  return lines;
}

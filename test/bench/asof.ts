import { fmt, stats, timed } from './measure.js';

/** POSTs one operation; `cold` sends an Authorization header, which keeps the read cache out. Throws on errors. */
async function post(url: string, query: string, cold: boolean): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(cold ? { authorization: 'Bearer bench-uncached' } : {}) };
  const body = (await (await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) })).json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/**
 * `asOf` reads ÷ the same reads for today, p50 in one run (goal ≤ 2×), two ways:
 * - cached: anonymous requests, as the map sends them; the read cache keeps today's coverage and a
 *   past day's coverage and areas, so both sides answer from it after the first read;
 * - cold: requests with an Authorization header, which never use the read cache (reads do not check
 *   the token), so every read computes afresh: today's stored area against the union of the past
 *   day's members, today's coverage statement against the past day's.
 * Rounds interleave the four, so a slow patch of the shared machine hits them alike.
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
const PAST = '2016-06-01';

export async function asOfBench(url: string): Promise<string[]> {
  const lines = ['asOf (a past day) ÷ the same read today, p50 (goal ≤ 2×)'];
  for (const c of CASES) {
    const ms = { today: [] as number[], cached: [] as number[], todayCold: [] as number[], cold: [] as number[] };
    for (let i = 0; i < 2; i++) for (const cold of [false, true]) for (const day of [null, PAST]) await post(url, c.query(day), cold); // warm-up
    for (let i = 0; i < ROUNDS; i++) {
      ms.today.push((await timed(() => post(url, c.query(null), false))).ms);
      ms.cached.push((await timed(() => post(url, c.query(PAST), false))).ms);
      ms.todayCold.push((await timed(() => post(url, c.query(null), true))).ms);
      ms.cold.push((await timed(() => post(url, c.query(PAST), true))).ms);
    }
    const p50 = (list: number[]) => stats(list).p50;
    const ratio = (x: number, base: number) => `${(x / base).toFixed(2)}× ${x / base <= 2 ? 'PASS' : 'FAIL'}`;
    lines.push(
      `  ${c.name}`,
      `    cached: today ${fmt(p50(ms.today))}, asOf ${fmt(p50(ms.cached))} = ${ratio(p50(ms.cached), p50(ms.today))}`,
      `    cold:   today ${fmt(p50(ms.todayCold))}, asOf ${fmt(p50(ms.cold))} = ${ratio(p50(ms.cold), p50(ms.todayCold))}`,
    );
  }
  return lines;
}

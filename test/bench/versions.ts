import type { Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';
import { fmt, fmtStats, stats, timed } from './measure.js';
import { post } from './reads.js';

/** Reads a pinned map and a citing reader make: a list, one partnership with its area, coverage. */
const READS: [string, string][] = [
  ['partnerships(first: 50) { members }', `{ partnerships(first: 50) { edges { node { slug name functionalArea { memberCount areaKm2 } members { jst { teryt } } } } } }`],
  ['partnership(slug) { functionalArea }', `query($slug: String!) { partnership(slug: $slug) { name members { role jst { teryt name } } functionalArea { areaKm2 memberCount bbox } } }`],
  ['coverage', `{ coverage { gminyCovered areaShare byVoivodeship { gminyCovered } } dataset { version } }`],
];

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/**
 * Pinned-version reads (docs/versions.md): after one write, the same reads pinned to the version
 * before it (materialised on the first read, whose cost is printed) ÷ the same reads unpinned, p50
 * each, by POST (no HTTP cache in the way), one of each per round. Goal ≤ 2×.
 */
export async function versionsBench(url: string, em: Em): Promise<string[]> {
  const [{ slug }] = await query<{ slug: string }>(em, `select slug from partnership where member_count > 10 order by slug limit 1`);
  const [{ version: old }] = await query<{ version: string }>(em, `select version from dataset_state`);
  await em.transactional(async (tx) => void (await query(tx as Em, `update partnership set description = coalesce(description, '') || ' ' where slug = ?`, [slug])));
  const pinned = (q: string) => post(url, q, { slug }, true, `/graphql?version=${old}`);
  const first = await timed(() => pinned(READS[1]![1]));
  const lines = [`pinned version, first read (materialises version ${old}): ${fmt(first.ms)}`];
  for (const [name, q] of READS) {
    // Interleaved, one of each per round, so the shared machine's load drifts over both alike.
    const [latestMs, pinnedMs]: number[][] = [[], []];
    for (let i = 0; i < 32; i++) {
      const [a, b] = [await timed(() => post(url, q, { slug })), await timed(() => pinned(q))];
      if (i < 2) continue; // warm-up
      latestMs.push(a.ms);
      pinnedMs.push(b.ms);
    }
    const [latest, atOld] = [stats(latestMs), stats(pinnedMs)];
    const ratio = atOld.p50 / latest.p50;
    lines.push(`pinned ${name}`, `  pinned ${fmtStats(atOld)}`, `  latest ${fmtStats(latest)}`, `  pinned ÷ latest = ${ratio.toFixed(2)}× (goal ≤ 2×) ${verdict(ratio <= 2)}`);
  }
  return lines;
}

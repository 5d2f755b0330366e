import { fmt, fmtStats, sample, timed } from './measure.js';

/**
 * Time in the HTTP surfaces, each past-day read ÷ the same read today, in one run (goal ≤ 2×): a gminy
 * tile of the first view (from the tile cache once cut; the first past-day request, which reads the
 * layer for that day, is printed too), the partnerships GeoJSON export, and OGC API partnerships items.
 */
const PAST = '2015-06-01';

const get = async (url: string) => {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  if (response.status >= 400) throw new Error(`${url}: ${response.status}`);
  return response.arrayBuffer();
};

export async function timeBench(base: string): Promise<string[]> {
  const lines = ['time (asOf / datetime ÷ today, p50; goal ≤ 2×):'];
  const tile = (search: string) => `${base}/tiles/gminy/5/17/10.mvt${search}`;
  const first = await timed(() => get(tile(`?asOf=${PAST}`)));
  lines.push(`  first tile of ${PAST} (reads the layer for that day): ${fmt(first.ms)}`);
  const cases: [string, string, string][] = [
    ['gminy tile 5/17/10', tile(''), tile(`?asOf=${PAST}`)],
    ['export partnerships.geojson', `${base}/export/partnerships.geojson?precision=3`, `${base}/export/partnerships.geojson?precision=3&asOf=${PAST}`],
    ['OGC partnerships items', `${base}/ogc/collections/partnerships/items?limit=100`, `${base}/ogc/collections/partnerships/items?limit=100&datetime=${PAST}`],
  ];
  for (const [name, today, past] of cases) {
    const [now, then] = [await sample(7, () => get(today)), await sample(7, () => get(past))];
    const ratio = then.p50 / now.p50;
    lines.push(`  ${name}: today ${fmtStats(now)}`, `  ${name}: ${PAST} ${fmtStats(then)}`, `  ${name}: ${PAST} ÷ today = ${ratio.toFixed(2)}× ${ratio <= 2 ? 'PASS' : 'FAIL'}`);
  }
  return lines;
}

/**
 * The large-import figure of `npm run bench:load`: one 20,000-row file (the documented maximum)
 * POSTed to /import/partnerships and written, while one reader keeps asking `jst(teryt)`, so the
 * figure shows both the import's rows/s and how long reads waited behind it.
 */

export interface ImportFigures {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** Reads answered while the import ran, and the slowest of them (ms). */
  reads: number;
  failedReads: number;
  maxReadMs: number;
  status: number;
}

/**
 * 20,000 rows shaped like real partnerships: 1,000 new ones of 20 neighbouring municipalities
 * (consecutive TERYT codes), every row with its own source. (The largest partnership in the
 * atlas has 41 members; a partnership's area is the union of its members' boundaries, whose cost
 * grows with the member count, not with the file.)
 */
export function largeImportCsv(municipalities: string[], rows = 20_000, perPartnership = 20): string {
  const lines = ['partnership,teryt,role,joined,source'];
  for (let i = 0; i < rows; i++) {
    const group = Math.floor(i / perPartnership);
    const teryt = municipalities[(group * perPartnership + (i % perPartnership)) % municipalities.length];
    lines.push(`Partnerstwo testowe ${group + 1},${teryt},member,2024-01-01,https://example.org/bench/uchwala-${i}`);
  }
  return lines.join('\n');
}

export async function measureImport(url: string, token: string, csv: string, readerTeryts: string[]): Promise<ImportFigures> {
  let running = true;
  let reads = 0;
  let maxReadMs = 0;
  let failedReads = 0;
  const reader = (async () => {
    while (running) {
      const t0 = performance.now();
      // A failed read (e.g. a connection reset while the server was busy) counts as a slow one, not a crash.
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query($t: String!) { jst(teryt: $t) { name } }`, variables: { t: readerTeryts[reads % readerTeryts.length] } }),
      }).then((r) => r.text(), () => (failedReads += 1));
      maxReadMs = Math.max(maxReadMs, performance.now() - t0);
      reads++;
    }
  })();
  const t0 = performance.now();
  const response = await fetch(`${url}/import/partnerships?dryRun=false`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: csv });
  const body = (await response.json()) as { rows?: number; applied?: boolean };
  const seconds = (performance.now() - t0) / 1000;
  running = false;
  await reader;
  if (!body.applied) throw new Error(`the bench import was not written: ${JSON.stringify(body).slice(0, 500)}`);
  const rows = body.rows ?? 0;
  return { rows, bytes: Buffer.byteLength(csv), seconds, rowsPerSecond: rows / seconds, reads, failedReads, maxReadMs, status: response.status };
}

export const formatImport = (f: ImportFigures) =>
  `import: ${f.rows} rows (${(f.bytes / 1e6).toFixed(1)} MB) written in ${f.seconds.toFixed(1)} s = ${f.rowsPerSecond.toFixed(0)} rows/s; ` +
  `${f.reads} reads meanwhile (${f.failedReads} failed), slowest ${(f.maxReadMs / 1000).toFixed(1)} s`;

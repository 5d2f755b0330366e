import { analyze } from '../server/db/analyze.js';
import type { Em } from '../server/db/orm.js';
import { currentCodeOf } from '../server/jst/teryt-history.js';
import { readSource } from './locate-source.js';
import { loadUnits, type ImportReport } from './load-units.js';
import { readFeatureCollection } from './read-features.js';
import { validateUnits } from './validate-units.js';

export type { ImportReport };

/**
 * Imports gminy, powiaty and województwa from `source` (path or URL) in one transaction:
 * a bad file leaves the database as it was. Safe to run again: unchanged units are not rewritten.
 */
export async function importGeodata(em: Em, source: string): Promise<ImportReport> {
  const documents = await readSource(source);
  // PRG files of about 2020 carry codes that have changed since: each unit is stored under its current code.
  const read = documents.flatMap((doc) => readFeatureCollection(doc.text, doc.origin));
  const raw = read.map((unit) => ({ ...unit, teryt: currentCodeOf(unit.teryt) }));
  const recoded = raw.filter((unit, i) => unit.teryt !== read[i]!.teryt).length;
  const report = await em.transactional(async (tx) => {
    const existing = (await tx.getConnection().execute(`select teryt from jst`, [], 'all', tx.getTransactionContext())) as { teryt: string }[];
    const units = validateUnits(raw, new Set(existing.map((r) => r.teryt)));
    return { ...(await loadUnits(tx as Em, units)), recoded };
  });
  // Boundaries changed, and with them the functional areas recomputed from them.
  if (report.inserted + report.updated > 0) await analyze(em, ['jst', 'partnership']);
  return report;
}

/** One line per fact, for the CLI and the server log. */
export function describeReport(report: ImportReport): string[] {
  const lines = [];
  if (report.inserted + report.updated === 0) lines.push(`geodata: nothing changed (${report.unchanged} units already up to date)`);
  else lines.push(`geodata: ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged`);
  if (report.recoded) lines.push(`  ${report.recoded} units carry a former TERC code: stored under the current one (server/jst/teryt-history.json)`);
  for (const r of report.repaired) lines.push(`  repaired ${r.teryt} ${r.name}: ${r.reason}`);
  if (report.partnershipsRefreshed) lines.push(`  functional areas recomputed: ${report.partnershipsRefreshed}`);
  return lines;
}

import { describeReport, importGeodata } from '../geodata/import-geodata.js';
import { resolveSource } from '../geodata/locate-source.js';
import type { AppConfig } from './config.js';
import type { Em, Orm } from './db/orm.js';
import { migrate } from './db/orm.js';
import { query } from './db/sql.js';
import { refreshPendingAreas } from './partnership/area-refresh.js';
import { loadSeed } from './seed/load-seed.js';
import { readSeed } from './seed/read-seed.js';

export type Log = (line: string) => void;

/**
 * Makes the database ready to serve: migrations and the functional areas an interrupted import
 * left queued, then, on a first start only, Poland's boundaries and the seed data. Later starts
 * find them and reuse them.
 */
export async function prepareDatabase(orm: Orm, config: AppConfig, log: Log): Promise<void> {
  await migrate(orm);
  const em = orm.em.fork() as Em;
  // An import that stopped between its commit and its area refresh left the partnerships queued.
  const healed = await refreshPendingAreas(em);
  if (healed) log(`functional areas: recomputed ${healed} left queued by an interrupted import`);
  const [counts] = await query<{ jsts: number; partnerships: number; programmes: number }>(
    em,
    `select (select count(*) from jst)::int as jsts, (select count(*) from partnership)::int as partnerships, (select count(*) from programme)::int as programmes`,
  );
  if (counts!.jsts === 0) {
    const source = resolveSource(undefined, config.geodataSource);
    log(`first start: importing boundaries from ${source}`);
    const started = performance.now();
    const report = await importGeodata(em, source);
    for (const line of describeReport(report)) log(line);
    log(`geodata: imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  if (counts!.partnerships === 0 && counts!.programmes === 0) {
    log('first start: loading the seed partnerships and programmes');
    const started = performance.now();
    const report = await loadSeed(orm.em.fork() as Em, await readSeed());
    log(
      `seed: ${report.programmes} programmes, ${report.partnerships} partnerships, ${report.memberships} memberships, ` +
        `${report.participations} participations, ${report.unmatched} names not matched to a TERYT code ` +
        `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
}

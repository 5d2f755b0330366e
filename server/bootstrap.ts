import { describeReport, importGeodata } from '../geodata/import-geodata.js';
import { resolveSource } from '../geodata/locate-source.js';
import type { AppConfig } from './config.js';
import type { Em, Orm } from './db/orm.js';
import { migrate } from './db/orm.js';
import { analyze } from './db/analyze.js';
import { query } from './db/sql.js';
import { withStartupLock } from './db/startup-lock.js';
import { rekeyFormerCodes } from './jst/rekey.js';
import { refreshPendingAreas } from './partnership/area-refresh.js';
import { loadPopulationOnFirstStart } from './population/population-source.js';
import { loadSeed } from './seed/load-seed.js';
import { readSeed } from './seed/read-seed.js';

export type Log = (line: string) => void;

/**
 * The server was told not to migrate (MIGRATE_ON_START=false) and the schema is behind the code:
 * serving it would fail on the first query that touches a new column, so the start is refused.
 */
export class MigrationsPendingError extends Error {
  readonly code = 'MIGRATIONS_PENDING' as const;
  constructor(pending: string[]) {
    super(`the database lacks ${pending.length} migration(s) (${pending.join(', ')}) and MIGRATE_ON_START=false; run npm run db:migrate first`);
    this.name = 'MigrationsPendingError';
  }
}

/**
 * Makes the database ready to serve: migrations (unless `config.migrateOnStart` is false: then
 * they must have been run by `npm run db:migrate`) and the functional areas an interrupted import
 * left queued, then, on a first start only, Poland's boundaries and the seed data. Later starts
 * find them and reuse them. All of it runs under the startup lock, so instances starting at once
 * on one PostgreSQL database migrate and load the data once.
 */
export async function prepareDatabase(orm: Orm, config: AppConfig, log: Log): Promise<void> {
  await withStartupLock(orm, config.database.kind, () => prepareLocked(orm, config, log), log);
}

async function prepareLocked(orm: Orm, config: AppConfig, log: Log): Promise<void> {
  if (config.migrateOnStart) await migrate(orm);
  else {
    const pending = await orm.migrator.getPending();
    if (pending.length) throw new MigrationsPendingError(pending.map((m) => m.name));
  }
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
  // Boundaries loaded by a version without the code history still carry codes of about 2020.
  const rekeyed = await rekeyFormerCodes(em);
  if (rekeyed) log(`teryt: ${rekeyed} JSTs moved from a former TERC code to their current one`);
  await loadPopulationOnFirstStart(em, log, config.populationSource);
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
  // A first start filled every table the migrations created: statistics for all of them, so the
  // embedded database (which never analyzes on its own) plans well from the first request.
  if (counts!.jsts === 0 || healed) await analyze(em);
}

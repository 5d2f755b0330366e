import { loadConfig } from '../server/config.js';
import { migrate, openOrm, type Em } from '../server/db/orm.js';
import { describeReport, importGeodata } from './import-geodata.js';
import { resolveSource } from './locate-source.js';

/** `npm run geodata:import -- [path|url]` */
async function main(): Promise<number> {
  const config = loadConfig();
  let source: string;
  try {
    source = resolveSource(process.argv[2], config.geodataSource);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const orm = await openOrm(config.database);
  try {
    await migrate(orm);
    console.log(`geodata: reading ${source}`);
    const started = performance.now();
    const report = await importGeodata(orm.em.fork() as Em, source);
    for (const line of describeReport(report)) console.log(line);
    console.log(`geodata: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    console.error('geodata: nothing was written');
    return 1;
  } finally {
    await orm.close();
  }
}

process.exitCode = await main();

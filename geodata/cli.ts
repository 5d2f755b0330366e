import { loadConfig } from '../server/config.js';
import { withDatabase } from '../server/db/cli-session.js';
import { describeReport, importGeodata } from './import-geodata.js';
import { resolveSource } from './locate-source.js';

/** `npm run geodata:import -- [path|url]` */
async function main(): Promise<number> {
  let source: string;
  try {
    source = resolveSource(process.argv[2], loadConfig().geodataSource);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  return withDatabase(async (em) => {
    console.log(`geodata: reading ${source}`);
    const started = performance.now();
    try {
      const report = await importGeodata(em, source);
      for (const line of describeReport(report)) console.log(line);
    } catch (error) {
      console.error('geodata: nothing was written');
      throw error;
    }
    console.log(`geodata: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  });
}

process.exitCode = await main();

import { loadConfig } from '../config.js';
import { DomainError } from '../shared/errors.js';
import { migrate, openOrm, type Em } from './orm.js';

/**
 * Runs a command-line task on the configured database (migrated first) and closes it after;
 * a domain error becomes its message and exit code 1, anything else its full report.
 */
export async function withDatabase(task: (em: Em) => Promise<number>): Promise<number> {
  const orm = await openOrm(loadConfig().database);
  try {
    await migrate(orm);
    return await task(orm.em.fork() as Em);
  } catch (error) {
    console.error(error instanceof DomainError || (error instanceof Error && error.name === 'GeodataInputError') ? error.message : error);
    return 1;
  } finally {
    await orm.close();
  }
}

import type { Em } from '../db/orm.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives: an EntityManager forked for this request, and its batch loaders. */
export interface Context {
  em: Em;
  loaders: Loaders;
}

export function createContext(em: Em): Context {
  const forked = em.fork() as Em;
  return { em: forked, loaders: createLoaders(forked) };
}

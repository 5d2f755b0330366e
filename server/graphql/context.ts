import type { Actor } from '../auth/role.js';
import { TokenService } from '../auth/token.service.js';
import type { Em } from '../db/orm.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives: an EntityManager forked for this request, its batch loaders, and the caller. */
export interface Context {
  em: Em;
  loaders: Loaders;
  /**
   * The caller behind the request's token, checked on first use: null when anonymous;
   * rejects with UNAUTHENTICATED for a bad token. Reads never ask, so a bad token cannot block them.
   */
  actor(): Promise<Actor | null>;
}

export function createContext(em: Em, authorization?: string): Context {
  const forked = em.fork() as Em;
  let actor: Promise<Actor | null> | undefined;
  return {
    em: forked,
    loaders: createLoaders(forked),
    actor: () => (actor ??= new TokenService(em.fork() as Em).actorFor(authorization)),
  };
}

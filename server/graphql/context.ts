import type { Actor } from '../auth/role.js';
import { TokenService } from '../auth/token.service.js';
import type { ReadCache } from '../dataset/read-cache.js';
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
  /**
   * The cache of heavy reads (boundaries, coverage), for requests without an Authorization header
   * only: a token sees the same data, but keeping its requests out makes the cache safe by
   * construction should a read ever depend on the caller.
   */
  readCache: ReadCache | null;
}

/** A request's context; `readCache` is used only when the request carries no Authorization header. */
export function createContext(em: Em, authorization?: string, readCache?: ReadCache): Context {
  // The fork and its loaders are made on first use: `{ __typename }`, a refused operation or one
  // answered from the read cache never needs them, and making them is a fair part of a light request.
  let forked: Em | undefined;
  let loaders: Loaders | undefined;
  let actor: Promise<Actor | null> | undefined;
  return {
    get em() {
      return (forked ??= em.fork() as Em);
    },
    get loaders() {
      return (loaders ??= createLoaders(this.em));
    },
    actor: () => (actor ??= new TokenService(em.fork() as Em).actorFor(authorization)),
    readCache: authorization ? null : (readCache ?? null),
  };
}

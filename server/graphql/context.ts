import type { Actor } from '../auth/role.js';
import { TokenService } from '../auth/token.service.js';
import type { ReadCache } from '../dataset/read-cache.js';
import type { PinnedRead } from '../dataset/version-pin.js';
import type { Em } from '../db/orm.js';
import { InputError } from '../shared/errors.js';
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

/** What a request makes on first use; one object shared by the context and Apollo's copies of it. */
interface Made {
  em?: Em;
  loaders?: Loaders;
  actor?: Promise<Actor | null>;
}

/**
 * The fork and its loaders are made on first use: `{ __typename }`, a refused operation or a read
 * answered from the cache never needs them, and making them is a fair part of a light request. The
 * getters live on the prototype because Apollo copies the context with Object.assign, which would
 * call getters of the object's own (and so make everything at once).
 */
class RequestContext implements Context {
  private readonly made: Made = {};

  constructor(
    private readonly root: Em,
    private readonly authorization: string | undefined,
    readonly readCache: ReadCache | null,
    private readonly pinned?: PinnedRead,
  ) {}

  /** A pinned request's own transaction (every read sees its version), otherwise a fork made on first use. */
  get em(): Em {
    return (this.made.em ??= this.pinned?.em ?? (this.root.fork() as Em));
  }

  get loaders(): Loaders {
    return (this.made.loaders ??= createLoaders(this.em, this.readCache));
  }

  /**
   * An own property, so it still works taken off the context (`const { actor } = ctx`). Every write
   * asks for it first, so a pinned request (read-only, docs/versions.md) is refused here.
   */
  readonly actor = (): Promise<Actor | null> =>
    (this.made.actor ??= this.pinned
      ? Promise.reject(new InputError('version', 'a pinned version is read-only: send writes without version', 'VERSION_PINNED'))
      : new TokenService(this.root.fork() as Em).actorFor(this.authorization));
}

/**
 * A request's context; `readCache` is used only when the request carries no Authorization header;
 * `pinned`: the request's read of a pinned version (server/http/version-pin.ts).
 */
export function createContext(em: Em, authorization?: string, readCache?: ReadCache, pinned?: PinnedRead): Context {
  return new RequestContext(em, authorization, authorization ? null : (readCache ?? null), pinned);
}

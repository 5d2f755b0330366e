import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { InputError } from '../shared/errors.js';
import { readDatasetVersion, type DatasetVersion } from './dataset-version.js';
import { VersionLog } from './version-log.js';

/** Most versions kept materialised at once (schemas `atlas_v<n>`); the oldest materialised goes first. */
export const DEFAULT_MAX_PINNED = 24;

/** A pinned version is not one the log can rebuild: before versions began, or not made yet. */
export class VersionNotAvailableError extends InputError {
  constructor(version: number, why: string) {
    super('version', `version ${version} is not available: ${why}`, 'VERSION_NOT_AVAILABLE');
  }
}

/** A read pinned to one version: an EntityManager whose every statement reads that version, until `release`. */
export interface PinnedRead {
  /** The version served: its number, its commit time, and the database's epoch. */
  version: DatasetVersion;
  /** In a read-only transaction with `search_path` = `atlas_v<n>, public`: ORM and raw SQL alike read version n. */
  em: Em;
  /** Ends the transaction (rolls back: it wrote nothing). Safe to call twice. */
  release(): Promise<void>;
}

const schemaOf = (version: number) => `atlas_v${version}`;

/**
 * Makes sure version `version` is materialised (once per version: the first read pays for it, see
 * docs/versions.md) and drops the oldest materialised versions beyond `maxPinned`.
 * VersionNotAvailableError when the log cannot rebuild it.
 */
export async function materialise(root: Em, version: number, maxPinned = DEFAULT_MAX_PINNED): Promise<void> {
  const log = new VersionLog(root.fork() as Em);
  if (!(await log.get(version))) {
    const [first, current] = [await log.first(), (await readDatasetVersion(root.fork() as Em)).version];
    throw new VersionNotAvailableError(
      version,
      version > current ? `the newest version is ${current}` : `versions before ${first} were made before the atlas kept a version history and cannot be rebuilt (the oldest is ${first})`,
    );
  }
  const [made] = await query<{ fresh: boolean }>(root.fork() as Em, `select not exists (select 1 from dataset_pinned where version = ?) as fresh`, [version]);
  await (root.fork() as Em).transactional(async (tx) => {
    await query(tx as Em, `select atlas_materialise_version(?)`, [version]);
  });
  if (made?.fresh) await dropOldest(root, maxPinned);
}

async function dropOldest(root: Em, maxPinned: number): Promise<void> {
  const old = await query<{ version: string }>(root.fork() as Em, `select version from dataset_pinned order by materialised_at desc offset ?`, [maxPinned]);
  for (const { version } of old) {
    await (root.fork() as Em).transactional(async (tx) => {
      await query(tx as Em, `drop schema if exists "${schemaOf(Number(version))}" cascade`);
      await query(tx as Em, `delete from dataset_pinned where version = ?`, [version]);
    });
  }
}

/**
 * Opens a read of version `version`: materialises it if needed, then a read-only transaction whose
 * `search_path` puts `atlas_v<n>` first (MikroORM writes table names unqualified, so every query of
 * the request resolves to the pinned tables; `jst`, the functions and the version log fall through
 * to public). Checks inside the transaction that the schema is the version asked for, since a
 * concurrent request may have dropped it meanwhile (then it is built again).
 */
export async function openPinnedRead(root: Em, version: number, maxPinned = DEFAULT_MAX_PINNED): Promise<PinnedRead> {
  const built = builtVersions(root);
  for (let attempt = 1; ; attempt++) {
    // Known built in this process: skip the log lookups and the materialising transaction (a pinned
    // read then costs begin, two statements and rollback); the check below catches a schema dropped since.
    if (!built.has(version)) {
      await materialise(root, version, maxPinned);
      built.add(version);
    }
    const em = root.fork() as Em;
    await em.begin({ readOnly: true });
    let done = false;
    const release = async () => {
      if (done) return;
      done = true;
      await em.rollback();
    };
    try {
      await query(em, `select set_config('search_path', ?, true)`, [`${schemaOf(version)}, public`]);
      const served = await readDatasetVersion(em);
      if (served.version === version && served.pinned) return { version: served, em, release };
      built.delete(version);
      if (attempt >= 3) throw new Error(`version ${version} could not be kept materialised`);
    } catch (error) {
      await release();
      throw error;
    }
    await release();
  }
}

/** Versions this process has seen materialised, per database (the root EntityManager's connection). */
const built = new WeakMap<object, Set<number>>();

function builtVersions(root: Em): Set<number> {
  const key = root.getConnection();
  let versions = built.get(key);
  if (!versions) built.set(key, (versions = new Set()));
  return versions;
}

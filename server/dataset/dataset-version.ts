import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';

/** The committed state of the data, as the `dataset_state` row names it (see Migration20261127060000_dataset_version). */
export interface DatasetVersion {
  /** Random per database: versions of two databases never compare equal. */
  epoch: string;
  /** Moves by one with every committed transaction that wrote to a table the API reads. */
  version: number;
  /** When the last such transaction committed. */
  changedAt: Date;
  /** `epoch` and `version` in one short token, e.g. for cache keys and ETags: `<8 hex of epoch>.<version>`. */
  tag: string;
  /** True when read inside a read pinned to an older version (server/dataset/version-pin.ts): no newer version supersedes it. */
  pinned?: boolean;
}

/** Reads the current dataset version: one primary-key lookup, outside any transaction's uncommitted writes. */
export async function readDatasetVersion(em: Em): Promise<DatasetVersion> {
  // Unqualified: a pinned read's search_path finds the pinned schema's one-row dataset_state first.
  const [row] = await query<{ epoch: string; version: string | number; changed_at: string | Date; pinned: boolean }>(
    em,
    `select "epoch", "version", "changed_at", current_schema() like 'atlas\\_v%' as "pinned" from "dataset_state"`,
  );
  if (!row) throw new Error('dataset_state has no row: the database is not migrated');
  const version = Number(row.version);
  return { epoch: row.epoch, version, changedAt: new Date(row.changed_at), tag: `${row.epoch.slice(0, 8)}.${version}`, pinned: row.pinned };
}

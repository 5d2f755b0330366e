import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import type { Page, PageRequest } from '../input/paging.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';

/** One committed dataset version, as the version log keeps it (Migration20261128090000_versions). */
export interface VersionRecord {
  /** The version number: one more than the version before, per committed write. */
  version: number;
  /** When the write committed (UTC). */
  committedAt: Date;
  /** Token names behind the write's audit entries; `system` (or the `atlas.actor` setting) for writes outside the API. */
  actor: string;
  /** One line: the audit entries ("ADD_MEMBER rof 1201022"), then rows added/removed/changed per table. */
  summary: string;
}

interface Row {
  version: string | number;
  committed_at: string | Date;
  actor: string;
  summary: string;
}

const record = (row: Row): VersionRecord => ({ version: Number(row.version), committedAt: new Date(row.committed_at), actor: row.actor, summary: row.summary });

/** Reads the version log and the audit entries of a version. Always from the live tables (the log is not part of a pinned state). */
export class VersionLog {
  constructor(private readonly em: Em) {}

  /** Versions newest first, keyset-paged by number (`afterKey`: the last version of the previous page). */
  async list(page: PageRequest): Promise<Page<VersionRecord>> {
    const after = page.afterKey === null ? null : Number(page.afterKey);
    const rows = await query<Row>(
      this.em,
      `select "version", "committed_at", "actor", "summary" from public."dataset_version_log" ${after === null ? '' : 'where "version" < ?'} order by "version" desc limit ?`,
      after === null ? [page.limit + 1] : [after, page.limit + 1],
    );
    const totalCount = async () => Number((await query<{ n: string }>(this.em, `select count(*) as n from public."dataset_version_log"`))[0]?.n ?? 0);
    return { nodes: rows.slice(0, page.limit).map(record), hasNextPage: rows.length > page.limit, hasPreviousPage: after !== null, totalCount };
  }

  /** One version, or null when the log has no such number (before versions began, or not yet made). */
  async get(version: number): Promise<VersionRecord | null> {
    const [row] = await query<Row>(this.em, `select "version", "committed_at", "actor", "summary" from public."dataset_version_log" where "version" = ?`, [version]);
    return row ? record(row) : null;
  }

  /** The lowest version that can be rebuilt (the one logged when versions began). */
  async first(): Promise<number> {
    const [row] = await query<{ v: string | null }>(this.em, `select min("version") as v from public."dataset_version_log"`);
    return Number(row?.v ?? 1);
  }

  /** The audit entries written by the transaction that made `version`, in the order they were recorded. */
  async changes(version: number): Promise<AuditEntry[]> {
    const rows = await query<Record<string, unknown>>(
      this.em,
      `select a.id, a.at, a.actor, a.action, a.entity, a.entity_key, a.partnership_id, a.before, a.after
       from public."audit_entry" a join public."dataset_version_log" l on l."txid" = a."txid" where l."version" = ? order by a.id`,
      [version],
    );
    return rows.map((row) => this.em.map(AuditEntry, row));
  }
}

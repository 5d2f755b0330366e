import type { Em } from '../db/orm.js';
import { intArray, query } from '../db/sql.js';
import type { Page, PageRequest } from '../input/paging.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface Change {
  action: string;
  entity: 'partnership' | 'membership' | 'participation' | 'programme' | 'token';
  entityKey: string;
  partnershipId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Writes and reads the audit trail. Writes go through the caller's transaction, so a change and its record stand or fall together. */
export class AuditService {
  constructor(private readonly em: Em) {}

  record(actor: string, change: Change): void {
    this.em.create(AuditEntry, {
      at: new Date(),
      actor,
      action: change.action,
      entity: change.entity,
      entityKey: change.entityKey,
      partnershipId: change.partnershipId ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
    });
  }

  /** The last `limit` changes of each partnership, newest first, in one statement (a list's `history` fields). */
  async ofPartnerships(ids: readonly number[], limit: number): Promise<Map<number, AuditEntry[]>> {
    const rows = await query<Record<string, unknown> & { partnership_id: number }>(
      this.em,
      `select id, at, actor, action, entity, entity_key, partnership_id, before, after from (
         select a.*, row_number() over (partition by a.partnership_id order by a.id desc) as n from audit_entry a where a.partnership_id = any(?::int[])
       ) t where n <= ? order by partnership_id, id desc`,
      [intArray(ids), limit],
    );
    const byId = new Map<number, AuditEntry[]>(ids.map((id) => [id, []]));
    for (const row of rows) byId.get(row.partnership_id)?.push(this.em.map(AuditEntry, row));
    return byId;
  }

  /** Changes since a moment (inclusive), optionally by one token name, newest last, keyset-paged by id. */
  async changes(since: Date | null, by: string | null, page: PageRequest): Promise<Page<AuditEntry>> {
    const where = { ...(since ? { at: { $gte: since } } : {}), ...(by ? { actor: by } : {}) };
    const after = page.afterKey;
    const [rows, totalCount] = await Promise.all([
      this.em.find(AuditEntry, { ...where, ...(after ? { id: { $gt: after } } : {}) }, { orderBy: { id: 'asc' }, limit: page.limit + 1 }),
      this.em.count(AuditEntry, where),
    ]);
    return { nodes: rows.slice(0, page.limit), hasNextPage: rows.length > page.limit, hasPreviousPage: after !== null, totalCount };
  }
}

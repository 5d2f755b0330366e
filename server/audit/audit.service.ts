import type { Em } from '../db/orm.js';
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

  async ofPartnership(partnershipId: number, limit: number): Promise<AuditEntry[]> {
    return this.em.find(AuditEntry, { partnershipId }, { orderBy: { id: 'desc' }, limit });
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

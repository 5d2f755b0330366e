import type { SourceData } from '../shared/source.js';
import type { ImportRow } from './import-rows.js';
import type { ImportChange } from './import-types.js';
import type { MemberRecord, MemberWrites } from './import-write.js';

/** Plain values of a membership for the diff and the audit trail (the same fields as `membershipSnapshot`). */
export const memberSnapshot = (m: Omit<MemberRecord, 'id' | 'partnershipId'>) => ({
  teryt: m.teryt, role: m.role, joined: m.joined, left: m.left, basis: m.basis, inferenceRule: m.inferenceRule, sources: m.sources, version: m.version,
});

/** The file's sources when they name other refs than the current ones; otherwise the current ones (keeping their quotes and notes). */
function wantedSources(row: ImportRow, had: MemberRecord | undefined): SourceData[] {
  if (had && had.sources.map((s) => s.ref).join('\n') === row.sources.join('\n')) return had.sources;
  return row.sources.map((ref) => ({ ref }));
}

/**
 * Compares one partnership's rows with its current members: every row becomes a created or changed
 * membership (or nothing, when equal), every member the file leaves out a removal, except the
 * memberships in `outsideDay` (not running on the day a dated file describes: an export `?asOf=`
 * lists only that day's members, and importing it must not remove those who joined later). Fills
 * the diff and the writes (`partnershipId` is 0 in a dry run for a partnership not yet created).
 */
export function planMembers(
  slug: string,
  partnershipId: number,
  rows: ImportRow[],
  existing: MemberRecord[],
  changes: ImportChange[],
  writes: MemberWrites,
  outsideDay: ReadonlySet<number> = new Set(),
): void {
  const current = new Map(existing.map((m) => [m.teryt, m]));
  const key = (teryt: string) => `${slug}/${teryt}`;
  for (const r of rows) {
    const had = current.get(r.teryt);
    current.delete(r.teryt);
    const sources = wantedSources(r, had);
    // A file without a basis column keeps each member's basis; a new member is STATED unless the file says otherwise.
    const { basis, inferenceRule } = r.basis ?? (had ? { basis: had.basis, inferenceRule: had.inferenceRule } : { basis: 'STATED', inferenceRule: null });
    const wanted = { teryt: r.teryt, role: r.role, joined: r.joined, left: r.left, basis, inferenceRule, sources };
    const after = memberSnapshot({ ...wanted, version: had ? had.version + 1 : 1 });
    if (!had) {
      changes.push({ kind: 'created', entity: 'membership', key: key(r.teryt), lines: [r.line], before: null, after });
      writes.inserts.push({ partnershipId, ...wanted, version: 1 });
      writes.audit.push({ action: 'ADD_MEMBER', entity: 'membership', entityKey: key(r.teryt), partnershipId, before: null, after });
      continue;
    }
    if (had.role === r.role && had.joined === r.joined && had.left === r.left && had.sources === sources && had.basis === basis && had.inferenceRule === inferenceRule) continue;
    const before = memberSnapshot(had);
    changes.push({ kind: 'changed', entity: 'membership', key: key(r.teryt), lines: [r.line], before, after });
    writes.updates.push({ id: had.id, partnershipId, ...wanted, version: had.version + 1 });
    writes.audit.push({ action: 'UPDATE_MEMBER', entity: 'membership', entityKey: key(r.teryt), partnershipId, before, after });
  }
  for (const gone of current.values()) {
    if (outsideDay.has(gone.id)) continue;
    const before = memberSnapshot(gone);
    changes.push({ kind: 'removed', entity: 'membership', key: key(gone.teryt), lines: [], before, after: null });
    writes.removals.push(gone.id);
    writes.audit.push({ action: 'REMOVE_MEMBER', entity: 'membership', entityKey: key(gone.teryt), partnershipId, before, after: null });
  }
}

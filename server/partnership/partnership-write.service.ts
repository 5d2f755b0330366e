import { LockMode } from '@mikro-orm/core';
import { AuditService } from '../audit/audit.service.js';
import { requireScope } from '../auth/guard.js';
import type { Actor } from '../auth/role.js';
import type { Em } from '../db/orm.js';
import { checkPeriod, parsePartnershipPatch } from '../input/partnership-patch.js';
import { parseSlug } from '../input/slug.js';
import { parseCurrentTeryt } from '../input/teryt.js';
import { Jst } from '../jst/jst.entity.js';
import { ConflictError, InputError, NotFoundError } from '../shared/errors.js';
import { searchKey } from '../shared/search-name.js';
import { Membership } from './membership.entity.js';
import { AreaType, LegalForm } from './partnership-enums.js';
import { checkLeader, checkMembers, checkMembersWithin, type CheckedMember } from './partnership-rules.js';
import type { MemberInput, PartnershipInput, PartnershipPatch } from './partnership-write.inputs.js';
import { Partnership } from './partnership.entity.js';
import { membershipSnapshot, partnershipSnapshot } from './snapshots.js';

/**
 * Changes partnerships and their members. Each method validates everything first, then writes
 * in one transaction with its audit entries; an update names the version it read, and a stale
 * version is a CONFLICT that writes nothing.
 */
export class PartnershipWriteService {
  constructor(private readonly em: Em) {}

  /** Loads a partnership for change, locking its row so concurrent edits queue up, and checks the version. */
  static async lockForChange(tx: Em, slug: string, version: number | null): Promise<Partnership> {
    const found = await PartnershipWriteService.lockRow(tx, slug);
    checkVersion(found, version);
    return found;
  }

  /**
   * Loads and locks a partnership for `actor` with its members: FORBIDDEN unless the partnership
   * and all its members lie in the actor's regions, checked before the version so that a stale
   * version tells an outsider nothing.
   */
  static async openForChange(tx: Em, actor: Actor, slug: string, version: number | null): Promise<{ partnership: Partnership; members: Membership[] }> {
    const partnership = await PartnershipWriteService.lockRow(tx, slug);
    const members = await tx.find(Membership, { partnership }, { orderBy: { id: 'asc' } });
    requireScope(actor, { voivodeships: partnership.voivodeships, teryts: members.map((m) => m.jst.teryt) });
    checkVersion(partnership, version);
    return { partnership, members };
  }

  private static async lockRow(tx: Em, slug: string): Promise<Partnership> {
    parseSlug('slug', slug);
    const found = await tx.findOne(Partnership, { slug }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!found) throw new NotFoundError('slug', `no partnership with slug "${slug}"`);
    return found;
  }

  async create(actor: Actor, input: PartnershipInput): Promise<Partnership> {
    const slug = parseSlug('slug', input.slug);
    const fields = parsePartnershipPatch(input);
    if (!fields.name) throw new InputError('name', 'must not be empty', 'EMPTY');
    if (!fields.sources) throw new InputError('sources', 'at least one source is required (a public URL or seeds/<file>)', 'EMPTY');
    if (!fields.voivodeships) throw new InputError('voivodeships', 'at least one województwo (2-digit TERC code, e.g. "12") is required', 'EMPTY');
    checkPeriod({ started: fields.started ?? null, ended: fields.ended ?? null, endReason: fields.endReason ?? null, periodSources: fields.periodSources ?? [] });
    const members = await checkMembers(this.em, input.members ?? []);
    const leader = fields.leader ?? null;
    checkLeader(leader, members);
    requireScope(actor, { voivodeships: fields.voivodeships, teryts: members.map((m) => m.teryt) });
    checkMembersWithin(fields.voivodeships, members.map((m) => m.teryt), (i) => `members[${i}].teryt`);
    return this.em.transactional(async (tx) => {
      if (await tx.findOne(Partnership, { slug })) throw new InputError('slug', `a partnership with slug "${slug}" exists already`, 'DUPLICATE');
      const partnership = tx.create(Partnership, {
        slug, name: fields.name!, searchName: searchKey([fields.name, fields.shortName]), shortName: fields.shortName ?? null,
        legalForm: fields.legalForm ?? LegalForm.UNKNOWN, areaType: fields.areaType ?? AreaType.OTHER, voivodeships: fields.voivodeships, leader: leader ? tx.getReference(Jst, leader) : null,
        website: fields.website ?? null, description: fields.description ?? null, membersComplete: fields.membersComplete ?? false,
        completenessNote: fields.completenessNote ?? null, statedMemberCount: fields.statedMemberCount ?? null, sources: fields.sources!, version: 1,
        started: fields.started ?? null, ended: fields.ended ?? null, endReason: fields.endReason ?? null, periodSources: fields.periodSources ?? [],
        successor: fields.successor ? await successorOf(tx as Em, fields.successor, null) : null,
      });
      await tx.flush();
      const audit = new AuditService(tx as Em);
      audit.record(actor.name, { action: 'CREATE', entity: 'partnership', entityKey: slug, partnershipId: partnership.id, after: partnershipSnapshot(partnership) });
      for (const m of members) {
        const membership = tx.create(Membership, { partnership, jst: tx.getReference(Jst, m.teryt), role: m.role, joined: m.joined, left: m.left, basis: m.basis, inferenceRule: m.inferenceRule, sources: m.sources, version: 1 });
        audit.record(actor.name, { action: 'ADD_MEMBER', entity: 'membership', entityKey: `${slug}/${m.teryt}`, partnershipId: partnership.id, after: membershipSnapshot(membership) });
      }
      await tx.flush();
      return partnership;
    });
  }

  async update(actor: Actor, slug: string, version: number, patch: PartnershipPatch): Promise<Partnership> {
    const fields = parsePartnershipPatch(patch);
    return this.em.transactional(async (tx) => {
      const { partnership, members } = await PartnershipWriteService.openForChange(tx as Em, actor, slug, version);
      if (fields.voivodeships) {
        requireScope(actor, { voivodeships: fields.voivodeships, teryts: [] });
        checkMembersWithin(fields.voivodeships, members.map((m) => m.jst.teryt), () => 'voivodeships');
      }
      if (fields.leader !== undefined) checkLeader(fields.leader, members.map((m) => ({ teryt: m.jst.teryt })));
      const before = partnershipSnapshot(partnership);
      const { leader, successor, ...scalars } = fields;
      tx.assign(partnership, scalars as Partial<Partnership>);
      checkPeriod({ started: partnership.started ?? null, ended: partnership.ended ?? null, endReason: partnership.endReason ?? null, periodSources: partnership.periodSources });
      if (successor !== undefined) partnership.successor = successor ? await successorOf(tx as Em, successor, partnership.id) : null;
      if (leader !== undefined) partnership.leader = leader ? tx.getReference(Jst, leader) : null;
      if (fields.name !== undefined || fields.shortName !== undefined) partnership.searchName = searchKey([partnership.name, partnership.shortName]);
      partnership.version += 1;
      new AuditService(tx as Em).record(actor.name, { action: 'UPDATE', entity: 'partnership', entityKey: slug, partnershipId: partnership.id, before, after: partnershipSnapshot(partnership) });
      await tx.flush();
      return partnership;
    });
  }

  async archive(actor: Actor, slug: string, version: number): Promise<Partnership> {
    return this.em.transactional(async (tx) => {
      const { partnership } = await PartnershipWriteService.openForChange(tx as Em, actor, slug, version);
      if (partnership.archivedAt) throw new InputError('slug', `partnership "${slug}" is archived already`);
      const before = partnershipSnapshot(partnership);
      partnership.archivedAt = new Date();
      partnership.version += 1;
      new AuditService(tx as Em).record(actor.name, { action: 'ARCHIVE', entity: 'partnership', entityKey: slug, partnershipId: partnership.id, before, after: partnershipSnapshot(partnership) });
      await tx.flush();
      return partnership;
    });
  }

  /** Replaces the member list: adds, changes and removes memberships so the list equals `members`. */
  async setMembers(actor: Actor, slug: string, version: number, members: readonly MemberInput[], leader: string | null | undefined): Promise<Partnership> {
    const wanted = await checkMembers(this.em, members);
    const newLeaderCode = leader == null ? leader : parseCurrentTeryt('leader', leader);
    return this.em.transactional(async (tx) => {
      const { partnership, members: existing } = await PartnershipWriteService.openForChange(tx as Em, actor, slug, version);
      requireScope(actor, { voivodeships: partnership.voivodeships, teryts: wanted.map((m) => m.teryt) });
      checkMembersWithin(partnership.voivodeships, wanted.map((m) => m.teryt), (i) => `members[${i}].teryt`);
      const newLeader = newLeaderCode !== undefined ? newLeaderCode : (partnership.leader?.teryt ?? null);
      checkLeader(newLeader, wanted);
      const before = partnershipSnapshot(partnership);
      applyMemberList(tx as Em, actor, partnership, existing, wanted);
      partnership.leader = newLeader ? tx.getReference(Jst, newLeader) : null;
      partnership.version += 1;
      new AuditService(tx as Em).record(actor.name, { action: 'SET_MEMBERS', entity: 'partnership', entityKey: slug, partnershipId: partnership.id, before, after: partnershipSnapshot(partnership) });
      await tx.flush();
      return partnership;
    });
  }
}

/** The successor named by `slug`: an existing partnership other than the one being written (`selfId`; null on create). */
async function successorOf(tx: Em, slug: string, selfId: number | null): Promise<Partnership> {
  const found = await tx.findOne(Partnership, { slug });
  if (!found) throw new InputError('successor', `no partnership with slug "${slug}"`, 'NOT_FOUND');
  if (found.id === selfId) throw new InputError('successor', 'a partnership cannot succeed itself', 'SELF_REFERENCE');
  return found;
}

/** A stale version is a CONFLICT naming the current one; `null` skips the check (appending writes). */
function checkVersion(partnership: Partnership, version: number | null): void {
  if (version !== null && partnership.version !== version) throw new ConflictError('partnership', partnership.slug, partnership.version, version);
}

/** Adds, changes and removes memberships of `partnership` so they equal `wanted`, recording each change. */
export function applyMemberList(tx: Em, actor: Actor, partnership: Partnership, existing: Membership[], wanted: CheckedMember[]): void {
  const audit = new AuditService(tx);
  const byTeryt = new Map(existing.map((m) => [m.jst.teryt, m]));
  const key = (teryt: string) => `${partnership.slug}/${teryt}`;
  for (const m of wanted) {
    const current = byTeryt.get(m.teryt);
    if (!current) {
      const created = tx.create(Membership, { partnership, jst: tx.getReference(Jst, m.teryt), role: m.role, joined: m.joined, left: m.left, basis: m.basis, inferenceRule: m.inferenceRule, sources: m.sources, version: 1 });
      audit.record(actor.name, { action: 'ADD_MEMBER', entity: 'membership', entityKey: key(m.teryt), partnershipId: partnership.id, after: membershipSnapshot(created) });
      continue;
    }
    byTeryt.delete(m.teryt);
    const same = current.role === m.role && (current.joined ?? null) === m.joined && (current.left ?? null) === m.left && JSON.stringify(current.sources) === JSON.stringify(m.sources)
      && current.basis === m.basis && (current.inferenceRule ?? null) === m.inferenceRule;
    if (same) continue;
    const before = membershipSnapshot(current);
    Object.assign(current, { role: m.role, joined: m.joined, left: m.left, basis: m.basis, inferenceRule: m.inferenceRule, sources: m.sources, version: current.version + 1 });
    audit.record(actor.name, { action: 'UPDATE_MEMBER', entity: 'membership', entityKey: key(m.teryt), partnershipId: partnership.id, before, after: membershipSnapshot(current) });
  }
  for (const gone of byTeryt.values()) {
    audit.record(actor.name, { action: 'REMOVE_MEMBER', entity: 'membership', entityKey: key(gone.jst.teryt), partnershipId: partnership.id, before: membershipSnapshot(gone) });
    tx.remove(gone);
  }
}

import { LockMode } from '@mikro-orm/core';
import { AuditService } from '../audit/audit.service.js';
import { inScope } from '../auth/guard.js';
import type { Actor } from '../auth/role.js';
import type { Em } from '../db/orm.js';
import { checkParticipationPeriod, parseParticipationPatch } from '../input/participation-patch.js';
import { parseProgrammeCode } from '../input/programme-code.js';
import { Programme } from '../programme/programme.entity.js';
import { ConflictError, InputError, NotFoundError } from '../shared/errors.js';
import { Membership } from './membership.entity.js';
import { Participation } from './participation.entity.js';
import type { ParticipationInput, ParticipationPatch } from './partnership-write.inputs.js';
import { PartnershipWriteService } from './partnership-write.service.js';
import { participationSnapshot } from './snapshots.js';

/** Adds and changes participations of partnerships in programmes. */
export class ParticipationWriteService {
  constructor(private readonly em: Em) {}

  async add(actor: Actor, slug: string, input: ParticipationInput): Promise<Participation> {
    const fields = parseParticipationPatch(input);
    const code = parseProgrammeCode('programme', input.programme);
    if (!fields.status) throw new InputError('status', 'is required for a new participation', 'EMPTY');
    if (!fields.sources) throw new InputError('sources', 'at least one source is required (a public URL or seeds/<file>)', 'EMPTY');
    checkParticipationPeriod(fields.started, fields.ended);
    return this.em.transactional(async (tx) => {
      const programme = await tx.findOne(Programme, { code });
      if (!programme) throw new NotFoundError('programme', `no programme with code "${code}"`);
      const { partnership } = await PartnershipWriteService.openForChange(tx as Em, actor, slug, null);
      const participation = tx.create(Participation, { ...fields, partnership, programme, status: fields.status!, probable: fields.probable ?? false, sources: fields.sources!, version: 1 });
      await tx.flush();
      new AuditService(tx as Em).record(actor.name, {
        action: 'ADD_PARTICIPATION', entity: 'participation', entityKey: `${slug}/${programme.code}/${participation.id}`, partnershipId: partnership.id, after: participationSnapshot(participation),
      });
      await tx.flush();
      return participation;
    });
  }

  async update(actor: Actor, id: number, version: number, patch: ParticipationPatch): Promise<Participation> {
    const fields = parseParticipationPatch(patch);
    return this.em.transactional(async (tx) => {
      const participation = await tx.findOne(Participation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['programme', 'partnership'] });
      // Ids are guessable: one out of the actor's regions gets the very answer a missing one does,
      // and before the version check, so no probe can tell the two apart.
      const teryts = participation ? (await tx.find(Membership, { partnership: participation.partnership })).map((m) => m.jst.teryt) : [];
      if (!participation || !inScope(actor, { voivodeships: participation.partnership.voivodeships, teryts })) throw new NotFoundError('id', `no participation with id ${id}`);
      if (participation.version !== version) throw new ConflictError('participation', String(id), participation.version, version);
      const before = participationSnapshot(participation);
      checkParticipationPeriod(fields.started !== undefined ? fields.started : participation.started, fields.ended !== undefined ? fields.ended : participation.ended);
      Object.assign(participation, fields, { version: participation.version + 1 });
      new AuditService(tx as Em).record(actor.name, {
        action: 'UPDATE_PARTICIPATION', entity: 'participation', entityKey: `${participation.partnership.slug}/${participation.programme.code}/${id}`,
        partnershipId: participation.partnership.id, before, after: participationSnapshot(participation),
      });
      await tx.flush();
      return participation;
    });
  }
}

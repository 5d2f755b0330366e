import { LockMode } from '@mikro-orm/core';
import { Field, InputType } from 'type-graphql';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/role.js';
import type { Em } from '../db/orm.js';
import { checkProgrammeDates, parseProgrammePatch } from '../input/programme-patch.js';
import { parseProgrammeCode } from '../input/programme-code.js';
import { ConflictError, InputError, NotFoundError } from '../shared/errors.js';
import { SourceInput } from '../shared/source-input.js';
import { Programme } from './programme.entity.js';

@InputType({ description: 'Fields of a programme; on update, omitted fields stay as they are' })
export class ProgrammePatch {
  @Field(() => String, { nullable: true, description: 'Name in Polish; required on create' }) name?: string | null;
  @Field(() => String, { nullable: true, description: 'Name in English; null clears it' }) nameEn?: string | null;
  @Field(() => String, { nullable: true, description: 'Source of funds, e.g. "MF EOG 2009–2014"; required on create' }) funder?: string | null;
  @Field(() => String, { nullable: true, description: 'Operator or managing institution; null clears it' }) operator?: string | null;
  @Field(() => [String], { nullable: true, description: 'Implementing organisations; replaces the list' }) implementers?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD' }) startDate?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD' }) endDate?: string | null;
  @Field(() => String, { nullable: true, description: 'What the programme supports; null clears it' }) description?: string | null;
  @Field(() => [SourceInput], { nullable: true, description: 'Sources of the programme, at least one; required on create, replaces the list on update' }) sources?: SourceInput[] | null;
}

@InputType({ description: 'A new programme' })
export class ProgrammeInput extends ProgrammePatch {
  @Field({ description: 'Stable code: letters, digits and hyphens, e.g. CWD-PLUS' }) code!: string;
}

const snapshot = (p: Programme) => ({
  code: p.code, name: p.name, nameEn: p.nameEn ?? null, funder: p.funder, operator: p.operator ?? null, implementers: p.implementers,
  startDate: p.startDate ?? null, endDate: p.endDate ?? null, description: p.description ?? null, sources: p.sources, version: p.version,
});

/** Creates and updates programmes (admin only; the resolver checks the role). */
export class ProgrammeWriteService {
  constructor(private readonly em: Em) {}

  async create(actor: Actor, input: ProgrammeInput): Promise<Programme> {
    const code = parseProgrammeCode('code', input.code);
    const fields = parseProgrammePatch(input);
    if (!fields.name) throw new InputError('name', 'must not be empty', 'EMPTY');
    if (!fields.funder) throw new InputError('funder', 'must not be empty', 'EMPTY');
    if (!fields.sources) throw new InputError('sources', 'at least one source is required (a public URL or seeds/<file>)', 'EMPTY');
    checkProgrammeDates(fields.startDate, fields.endDate);
    return this.em.transactional(async (tx) => {
      if (await tx.findOne(Programme, { code })) throw new InputError('code', `a programme with code "${code}" exists already`, 'DUPLICATE');
      const programme = tx.create(Programme, { implementers: [], ...fields, code, name: fields.name!, funder: fields.funder!, sources: fields.sources!, version: 1 });
      new AuditService(tx as Em).record(actor.name, { action: 'CREATE', entity: 'programme', entityKey: code, after: snapshot(programme) });
      await tx.flush();
      return programme;
    });
  }

  async update(actor: Actor, code: string, version: number, patch: ProgrammePatch): Promise<Programme> {
    const fields = parseProgrammePatch(patch);
    parseProgrammeCode('code', code);
    return this.em.transactional(async (tx) => {
      const programme = await tx.findOne(Programme, { code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!programme) throw new NotFoundError('code', `no programme with code "${code}"`);
      if (programme.version !== version) throw new ConflictError('programme', code, programme.version, version);
      const before = snapshot(programme);
      Object.assign(programme, fields, { version: programme.version + 1 });
      checkProgrammeDates(programme.startDate, programme.endDate);
      new AuditService(tx as Em).record(actor.name, { action: 'UPDATE', entity: 'programme', entityKey: code, before, after: snapshot(programme) });
      await tx.flush();
      return programme;
    });
  }
}

import { LockMode } from '@mikro-orm/core';
import { Field, InputType } from 'type-graphql';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/role.js';
import type { Em } from '../db/orm.js';
import { checkPartialDate } from '../partnership/partnership-rules.js';
import { ConflictError, InputError, NotFoundError } from '../shared/errors.js';
import { checkSources, SourceInput } from '../shared/source-input.js';
import { Programme } from './programme.entity.js';

@InputType({ description: 'Fields of a programme; on update, omitted fields stay as they are' })
export class ProgrammePatch {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) nameEn?: string | null;
  @Field(() => String, { nullable: true }) funder?: string | null;
  @Field(() => String, { nullable: true }) operator?: string | null;
  @Field(() => [String], { nullable: true }) implementers?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD' }) startDate?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD' }) endDate?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [SourceInput], { nullable: true }) sources?: SourceInput[] | null;
}

@InputType({ description: 'A new programme' })
export class ProgrammeInput extends ProgrammePatch {
  @Field({ description: 'Stable code: letters, digits and hyphens, e.g. CWD-PLUS' }) code!: string;
}

const snapshot = (p: Programme) => ({
  code: p.code, name: p.name, nameEn: p.nameEn ?? null, funder: p.funder, operator: p.operator ?? null, implementers: p.implementers,
  startDate: p.startDate ?? null, endDate: p.endDate ?? null, description: p.description ?? null, sources: p.sources, version: p.version,
});

function checkProgrammePatch(patch: ProgrammePatch): Partial<Programme> {
  const out: Partial<Programme> = {};
  for (const key of ['name', 'funder'] as const) {
    if (patch[key] != null) {
      const value = patch[key]!.trim();
      if (!value || value.length > 300) throw new InputError(key, 'must be 1–300 characters');
      out[key] = value;
    }
  }
  for (const key of ['nameEn', 'operator', 'description'] as const) if (patch[key] !== undefined) out[key] = patch[key]?.trim() || null;
  if (patch.implementers != null) out.implementers = patch.implementers.map((s) => s.trim()).filter(Boolean);
  if (patch.startDate !== undefined) out.startDate = checkPartialDate('startDate', patch.startDate);
  if (patch.endDate !== undefined) out.endDate = checkPartialDate('endDate', patch.endDate);
  if (patch.sources != null) out.sources = checkSources('sources', patch.sources);
  return out;
}

/** Creates and updates programmes (admin only; the resolver checks the role). */
export class ProgrammeWriteService {
  constructor(private readonly em: Em) {}

  async create(actor: Actor, input: ProgrammeInput): Promise<Programme> {
    if (!/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(input.code) || input.code.length > 40) throw new InputError('code', 'must be 1–40 capital letters, digits and single hyphens');
    const fields = checkProgrammePatch(input);
    if (!fields.name) throw new InputError('name', 'must not be empty');
    if (!fields.funder) throw new InputError('funder', 'must not be empty');
    if (!fields.sources) throw new InputError('sources', 'at least one source is required (a public URL or seeds/<file>)');
    if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) throw new InputError('endDate', 'is before startDate');
    return this.em.transactional(async (tx) => {
      if (await tx.findOne(Programme, { code: input.code })) throw new InputError('code', `a programme with code "${input.code}" exists already`);
      const programme = tx.create(Programme, { implementers: [], ...fields, code: input.code, name: fields.name!, funder: fields.funder!, sources: fields.sources!, version: 1 });
      new AuditService(tx as Em).record(actor.name, { action: 'CREATE', entity: 'programme', entityKey: input.code, after: snapshot(programme) });
      await tx.flush();
      return programme;
    });
  }

  async update(actor: Actor, code: string, version: number, patch: ProgrammePatch): Promise<Programme> {
    const fields = checkProgrammePatch(patch);
    return this.em.transactional(async (tx) => {
      const programme = await tx.findOne(Programme, { code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!programme) throw new NotFoundError('code', `no programme with code "${code}"`);
      if (programme.version !== version) throw new ConflictError('programme', code, programme.version, version);
      const before = snapshot(programme);
      Object.assign(programme, fields, { version: programme.version + 1 });
      if (programme.startDate && programme.endDate && programme.endDate < programme.startDate) throw new InputError('endDate', 'is before startDate');
      new AuditService(tx as Em).record(actor.name, { action: 'UPDATE', entity: 'programme', entityKey: code, before, after: snapshot(programme) });
      await tx.flush();
      return programme;
    });
  }
}

import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../auth/guard.js';
import { Role } from '../auth/role.js';
import type { Context } from '../graphql/context.js';
import { ProgrammeInput, ProgrammePatch, ProgrammeWriteService } from './programme-write.js';
import { Programme } from './programme.entity.js';

@Resolver()
export class ProgrammeMutations {
  @Mutation(() => Programme, { description: 'Create a programme (admin)' })
  async createProgramme(@Arg('input', () => ProgrammeInput, { description: 'The new programme' }) input: ProgrammeInput, @Ctx() ctx: Context): Promise<Programme> {
    const actor = requireRole(await ctx.actor(), Role.ADMIN);
    return new ProgrammeWriteService(ctx.em).create(actor, input);
  }

  @Mutation(() => Programme, { description: 'Update a programme (admin); CONFLICT when `version` is not the current one' })
  async updateProgramme(
    @Arg('code', { description: 'Code of the programme to change' }) code: string,
    @Arg('version', () => Int, { description: 'The `version` the change is based on, as last read' }) version: number,
    @Arg('input', () => ProgrammePatch, { description: 'The fields to change; omitted ones stay as they are' }) input: ProgrammePatch,
    @Ctx() ctx: Context,
  ): Promise<Programme> {
    const actor = requireRole(await ctx.actor(), Role.ADMIN);
    return new ProgrammeWriteService(ctx.em).update(actor, code, version, input);
  }
}

import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../auth/guard.js';
import { Role } from '../auth/role.js';
import type { Context } from '../graphql/context.js';
import { ProgrammeInput, ProgrammePatch, ProgrammeWriteService } from './programme-write.js';
import { Programme } from './programme.entity.js';

@Resolver()
export class ProgrammeMutations {
  @Mutation(() => Programme, { description: 'Create a programme (admin)' })
  async createProgramme(@Arg('input', () => ProgrammeInput) input: ProgrammeInput, @Ctx() ctx: Context): Promise<Programme> {
    const actor = requireRole(await ctx.actor(), Role.ADMIN);
    return new ProgrammeWriteService(ctx.em).create(actor, input);
  }

  @Mutation(() => Programme, { description: 'Update a programme (admin); CONFLICT when `version` is not the current one' })
  async updateProgramme(
    @Arg('code') code: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ProgrammePatch) input: ProgrammePatch,
    @Ctx() ctx: Context,
  ): Promise<Programme> {
    const actor = requireRole(await ctx.actor(), Role.ADMIN);
    return new ProgrammeWriteService(ctx.em).update(actor, code, version, input);
  }
}

import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../auth/guard.js';
import { Role } from '../auth/role.js';
import type { Context } from '../graphql/context.js';
import { Participation } from './participation.entity.js';
import { ParticipationWriteService } from './participation-write.service.js';
import { MemberInput, ParticipationInput, ParticipationPatch, PartnershipInput, PartnershipPatch } from './partnership-write.inputs.js';
import { PartnershipWriteService } from './partnership-write.service.js';
import { Partnership } from './partnership.entity.js';

/**
 * Writes need an editor or admin token (`Authorization: Bearer …`); each names the version it read.
 * A regional token may touch only partnerships and JSTs wholly inside its województwa (the services check).
 */
@Resolver()
export class PartnershipMutations {
  @Mutation(() => Partnership, { description: 'Create a partnership (editor). Names its województwa (`voivodeships`); members must exist and lie in them; the leader must be a member; sources are required' })
  async createPartnership(@Arg('input', () => PartnershipInput, { description: 'The new partnership' }) input: PartnershipInput, @Ctx() ctx: Context): Promise<Partnership> {
    const actor = requireRole(await ctx.actor(), Role.EDITOR);
    return new PartnershipWriteService(ctx.em).create(actor, input);
  }

  @Mutation(() => Partnership, { description: 'Update fields of a partnership; CONFLICT when `version` is not the current one' })
  async updatePartnership(
    @Arg('slug', { description: 'Slug of the partnership to change' }) slug: string,
    @Arg('version', () => Int, { description: 'The `version` the change is based on, as last read' }) version: number,
    @Arg('input', () => PartnershipPatch, { description: 'The fields to change; omitted ones stay as they are' }) input: PartnershipPatch,
    @Ctx() ctx: Context,
  ): Promise<Partnership> {
    const actor = requireRole(await ctx.actor(), Role.EDITOR);
    return new PartnershipWriteService(ctx.em).update(actor, slug, version, input);
  }

  @Mutation(() => Partnership, { description: 'Archive a partnership (kept with its history, left out of lists and coverage)' })
  async archivePartnership(@Arg('slug', { description: 'Slug of the partnership to archive' }) slug: string, @Arg('version', () => Int, { description: 'The `version` the change is based on, as last read' }) version: number, @Ctx() ctx: Context): Promise<Partnership> {
    const actor = requireRole(await ctx.actor(), Role.EDITOR);
    return new PartnershipWriteService(ctx.em).archive(actor, slug, version);
  }

  @Mutation(() => Partnership, { description: 'Replace the member list (add, change, remove) and optionally the leader; the functional area follows at once' })
  async setMembers(
    @Arg('slug', { description: 'Slug of the partnership to change' }) slug: string,
    @Arg('version', () => Int, { description: 'The `version` the change is based on, as last read' }) version: number,
    @Arg('members', () => [MemberInput], { description: 'The whole new member list, each JST once: members not in it are removed' }) members: MemberInput[],
    @Ctx() ctx: Context,
    @Arg('leader', () => String, { nullable: true, description: 'TERYT of the leader; omit to keep the current one' }) leader?: string | null,
  ): Promise<Partnership> {
    const actor = requireRole(await ctx.actor(), Role.EDITOR);
    return new PartnershipWriteService(ctx.em).setMembers(actor, slug, version, members, leader);
  }

  @Mutation(() => Participation, { description: 'Record that a partnership took part in a programme' })
  async addParticipation(@Arg('slug', { description: 'Slug of the partnership that took part' }) slug: string, @Arg('input', () => ParticipationInput, { description: 'The participation' }) input: ParticipationInput, @Ctx() ctx: Context): Promise<Participation> {
    const actor = requireRole(await ctx.actor(), Role.EDITOR);
    return new ParticipationWriteService(ctx.em).add(actor, slug, input);
  }

  @Mutation(() => Participation, { description: 'Change a participation; CONFLICT when `version` is not the current one' })
  async updateParticipation(
    @Arg('id', () => Int, { description: 'Participation.id of the participation to change' }) id: number,
    @Arg('version', () => Int, { description: 'The `version` the change is based on, as last read' }) version: number,
    @Arg('input', () => ParticipationPatch, { description: 'The fields to change; omitted ones stay as they are' }) input: ParticipationPatch,
    @Ctx() ctx: Context,
  ): Promise<Participation> {
    const actor = requireRole(await ctx.actor(), Role.EDITOR);
    return new ParticipationWriteService(ctx.em).update(actor, id, version, input);
  }
}

import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { requireRole } from './guard.js';
import { Role } from './role.js';
import { TokenService } from './token.service.js';

@ObjectType({ description: 'An API token as the atlas keeps it (never the secret)' })
class TokenInfo {
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [String], { nullable: true, description: 'województwa an editor is limited to' }) voivodeships!: string[] | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType({ description: 'A new token: the secret is shown this once' })
class CreatedToken {
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => [String], { nullable: true }) voivodeships!: string[] | null;
  @Field({ description: 'Send as "Authorization: Bearer <secret>"; only its hash is stored' }) secret!: string;
}

/** Token management for admins (the CLI `npm run token` does the same from the command line). */
@Resolver()
export class TokenResolver {
  @Query(() => [TokenInfo], { description: 'API tokens (admin)' })
  async tokens(@Ctx() ctx: Context): Promise<TokenInfo[]> {
    requireRole(await ctx.actor(), Role.ADMIN);
    return (await new TokenService(ctx.em).list()).map((t) => ({ name: t.name, role: t.role, voivodeships: t.voivodeships ?? null, createdAt: t.createdAt, revokedAt: t.revokedAt ?? null }));
  }

  @Mutation(() => CreatedToken, { description: 'Create an API token (admin)' })
  async createToken(
    @Arg('name') name: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: Context,
    @Arg('voivodeships', () => [String], { nullable: true }) voivodeships?: string[] | null,
  ): Promise<CreatedToken> {
    const admin = requireRole(await ctx.actor(), Role.ADMIN);
    return new TokenService(ctx.em).create(name, role, voivodeships ?? null, admin.name);
  }

  @Mutation(() => Boolean, { description: 'Revoke an API token (admin); it stops working at once' })
  async revokeToken(@Arg('name') name: string, @Ctx() ctx: Context): Promise<boolean> {
    const admin = requireRole(await ctx.actor(), Role.ADMIN);
    await new TokenService(ctx.em).revoke(name, admin.name);
    return true;
  }
}

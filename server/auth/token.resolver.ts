import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { requireRole } from './guard.js';
import { Role } from './role.js';
import { TokenService } from './token.service.js';

@ObjectType({ description: 'An API token as the atlas keeps it (never the secret)' })
class TokenInfo {
  @Field({ description: 'Unique name of the token, recorded as the actor of every change made with it' }) name!: string;
  @Field(() => Role, { description: 'What the token may change' }) role!: Role;
  @Field(() => [String], { nullable: true, description: 'TERC codes (2 digits) of the województwa an editor is limited to; null: no limit' }) voivodeships!: string[] | null;
  @Field(() => Date, { description: 'When the token was created (UTC)' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the token was revoked (UTC); null while it works' }) revokedAt!: Date | null;
}

@ObjectType({ description: 'A new token: the secret is shown this once' })
class CreatedToken {
  @Field({ description: 'Unique name of the token, recorded as the actor of every change made with it' }) name!: string;
  @Field(() => Role, { description: 'What the token may change' }) role!: Role;
  @Field(() => [String], { nullable: true, description: 'TERC codes (2 digits) of the województwa an editor is limited to; null: no limit' }) voivodeships!: string[] | null;
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
    @Arg('name', { description: 'Unique name: 1–80 letters, digits, spaces, ".", "_", "@" or "-", starting with a letter or digit' }) name: string,
    @Arg('role', () => Role, { description: 'What the token may change' }) role: Role,
    @Ctx() ctx: Context,
    @Arg('voivodeships', () => [String], { nullable: true, description: 'TERC codes (2 digits) of the województwa an editor token is limited to; omit for no limit (admin tokens cannot be limited)' }) voivodeships?: string[] | null,
  ): Promise<CreatedToken> {
    const admin = requireRole(await ctx.actor(), Role.ADMIN);
    return new TokenService(ctx.em).create(name, role, voivodeships ?? null, admin.name);
  }

  @Mutation(() => Boolean, { description: 'Revoke an API token (admin); it stops working at once' })
  async revokeToken(@Arg('name', { description: 'Name of the token to revoke' }) name: string, @Ctx() ctx: Context): Promise<boolean> {
    const admin = requireRole(await ctx.actor(), Role.ADMIN);
    await new TokenService(ctx.em).revoke(name, admin.name);
    return true;
  }
}

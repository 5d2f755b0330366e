import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RootOf } from '../graphql/root.js';
import type { Context } from '../graphql/context.js';
import { connectionType, toConnection } from '../graphql/connection.js';
import { idKey, parsePageRequest } from '../input/paging.js';
import { parseText } from '../input/text.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { InputError } from '../shared/errors.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';

const AuditConnection = connectionType(AuditEntry, 'AuditEntry');

@Resolver()
export class AuditResolver {
  @Query(() => AuditConnection, { description: 'Recorded changes, oldest first: since a moment, by one token name' })
  async changes(
    @Ctx() { em }: Context,
    @Arg('since', () => Date, { nullable: true, description: 'ISO 8601 date-time, inclusive' }) since?: Date | null,
    @Arg('by', () => String, { nullable: true, description: 'Name of the API token' }) by?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page' }) after?: string | null,
  ) {
    if (since && Number.isNaN(since.getTime())) throw new InputError('since', 'must be an ISO 8601 date-time', 'MALFORMED');
    const actor = by == null ? null : parseText('by', by, { max: 80 });
    const page = await new AuditService(em).changes(since ?? null, actor, parsePageRequest(first, after, idKey));
    return toConnection(page, (e) => String(e.id));
  }
}

@Resolver(() => Partnership)
export class PartnershipHistoryResolver {
  @FieldResolver(() => [AuditEntry], { description: 'Changes to this partnership, its members and participations, newest first' })
  history(@Root() p: RootOf<Partnership>, @Ctx() { loaders }: Context, @Arg('last', () => Int, { defaultValue: 50, description: 'How many of the latest changes, 1–200' }) last: number): Promise<AuditEntry[]> {
    if (!Number.isInteger(last) || last < 1 || last > 200) throw new InputError('last', `must be an integer from 1 to 200, got ${last}`, 'OUT_OF_RANGE');
    return loaders.history.load({ id: p.id, last });
  }
}

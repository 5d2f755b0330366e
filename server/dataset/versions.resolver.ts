import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import type { Context } from '../graphql/context.js';
import { connectionType, toConnection } from '../graphql/connection.js';
import type { RootOf } from '../graphql/root.js';
import { idKey, parsePageRequest } from '../input/paging.js';
import { parseVersionNumber } from '../input/version.js';
import { VersionLog } from './version-log.js';

@ObjectType({ description: 'One committed dataset version: every committed write makes one. Any read can be pinned to it (docs/versions.md)' })
export class DatasetVersionRecord {
  @Field(() => Int, { description: 'The version number, one more than the version before' })
  version!: number;

  @Field(() => Date, { description: 'When the write committed (UTC)' })
  committedAt!: Date;

  @Field({ description: 'Names of the API tokens behind the write; "system" for writes outside the API (seed, command-line imports), "migration" where versions began' })
  actor!: string;

  @Field({ description: 'The change in one line: its audit entries (e.g. "ADD_MEMBER rof 1201022"), then rows added (+), removed (−) and changed (~) per table' })
  summary!: string;

  @Field({ description: 'Path of the map pinned to this version (`/?version=<n>`)' })
  mapPath!: string;
}

const VersionConnection = connectionType(DatasetVersionRecord, 'DatasetVersionRecord');

const withPath = <T extends { version: number }>(v: T) => ({ ...v, mapPath: `/?version=${v.version}` });

@Resolver(() => DatasetVersionRecord)
export class VersionsResolver {
  @Query(() => VersionConnection, { description: 'Dataset versions, newest first. Pin any read to one with `version=<n>` (URL) or `extensions.version` (body)' })
  async versions(
    @Ctx() { em }: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page' }) after?: string | null,
  ) {
    const page = await new VersionLog(em).list(parsePageRequest(first, after, idKey));
    return toConnection({ ...page, nodes: page.nodes.map(withPath) }, (v) => String(v.version));
  }

  @Query(() => DatasetVersionRecord, { nullable: true, description: 'One dataset version by number; null when the log has none (before versions began, or not made yet)' })
  async version(@Ctx() { em }: Context, @Arg('number', () => Int, { description: 'The version number, from 1' }) number: number): Promise<DatasetVersionRecord | null> {
    const record = await new VersionLog(em).get(parseVersionNumber('number', number)!);
    return record && withPath(record);
  }

  @FieldResolver(() => [AuditEntry], { description: 'The audit entries the version\'s write recorded, in order; empty for writes outside the API' })
  changes(@Root() v: RootOf<DatasetVersionRecord>, @Ctx() { em }: Context): Promise<AuditEntry[]> {
    return new VersionLog(em).changes(v.version);
  }
}

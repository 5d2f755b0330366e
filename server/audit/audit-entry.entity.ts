import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** One change: who (token name), when, what, and the values before and after. The database refuses updates and deletes. */
@ObjectType({ description: 'One recorded change, with the values before and after' })
@Entity({ tableName: 'audit_entry' })
export class AuditEntry {
  @Field(() => ID, { description: 'Identifier of the entry, increasing in the order the changes were recorded' })
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => Date, { description: 'When the change was recorded (UTC)' })
  @Index()
  @Property({ type: 'Date' })
  at!: Date;

  @Field({ description: 'Name of the API token that made the change' })
  @Property({ type: 'text' })
  actor!: string;

  @Field({ description: 'CREATE, UPDATE, ARCHIVE, ADD_MEMBER, REMOVE_MEMBER, UPDATE_MEMBER, CREATE_TOKEN, REVOKE_TOKEN, …' })
  @Property({ type: 'text' })
  action!: string;

  @Field({ description: 'partnership, membership, participation, programme or token' })
  @Property({ type: 'text' })
  entity!: string;

  @Field({ description: 'Slug, code, token name, or partnership slug and TERYT of the changed record' })
  @Property({ type: 'text' })
  entityKey!: string;

  @Field(() => Int, { nullable: true, description: 'Internal id of the partnership the change belongs to (its own, its members\' or participations\'); null for programmes and tokens' })
  @Property({ type: 'integer', nullable: true })
  partnershipId?: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values before the change (null when created)' })
  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values after the change (null when removed)' })
  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;
}

import { ArrayType, Collection, OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Jst } from '../jst/jst.entity.js';
import { Source, type SourceData } from '../shared/source.js';
import { AreaType, LegalForm, PartnershipEndReason } from './partnership-enums.js';
import { Membership, Partner, UnmatchedMember } from './membership.entity.js';
import { Participation } from './participation.entity.js';

/**
 * An inter-municipal partnership. Its functional area (union of current members' boundaries)
 * is kept by a database trigger, so it is read through `FunctionalAreaService`, not mapped here.
 */
@ObjectType({ description: 'An inter-municipal partnership of JSTs', simpleResolvers: true })
@Entity({ tableName: 'partnership' })
export class Partnership {
  [OptionalProps]?: 'version' | 'voivodeships' | 'periodSources';

  @PrimaryKey()
  id!: number;

  @Field(() => ID, { description: 'URL-safe identifier' })
  @Property({ type: 'text', unique: true })
  slug!: string;

  @Field({ description: 'Name, with Polish diacritics' })
  @Property({ type: 'text' })
  name!: string;

  @Index()
  @Property({ type: 'text' })
  searchName!: string;

  @Field(() => String, { nullable: true, description: 'Short name or acronym as the sources use it (e.g. "GZM"); null when none' })
  @Property({ type: 'text', nullable: true })
  shortName?: string | null;

  @Field(() => LegalForm, { description: 'Legal form; UNKNOWN when the sources do not state it' })
  @Enum({ items: () => LegalForm })
  legalForm!: LegalForm;

  @Field(() => AreaType, { description: 'Type of functional area the partnership forms; OTHER when none of the listed' })
  @Enum({ items: () => AreaType })
  areaType!: AreaType;

  /**
   * 2-digit TERC codes of the województwa the partnership belongs to, sorted; every member lies in
   * one of them. Regional tokens are checked against these, so a partnership without loaded
   * members still has a place. Empty only for an old record nobody has placed yet.
   */
  @Field(() => [String], { description: 'TERC codes (2 digits) of the województwa the partnership belongs to; every member lies in one of them' })
  @Property({ type: ArrayType })
  voivodeships: string[] = [];

  @ManyToOne(() => Jst, { nullable: true, fieldName: 'leader_teryt' })
  leader?: Jst | null;

  @Field(() => String, { nullable: true, description: 'Web site, an http(s) URL; null when none is known' })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'What the partnership does, in a few sentences (may hold line breaks); null when not written' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field({ description: 'true only when a source lists all members' })
  @Property()
  membersComplete!: boolean;

  @Field(() => String, { nullable: true, description: 'What is missing or uncertain in the member list; null when nothing is noted' })
  @Property({ type: 'text', nullable: true })
  completenessNote?: string | null;

  @Field(() => Int, { nullable: true, description: 'Member count a source states, where it differs from the named list; null when none is stated' })
  @Property({ type: 'integer', nullable: true })
  statedMemberCount?: number | null;

  @Field(() => [Source], { description: 'Where the partnership\'s existence, name and form are stated' })
  @Property({ type: 'json' })
  sources: SourceData[] = [];

  @Field(() => Int, { description: 'Version for optimistic locking: send it back with an update' })
  @Property()
  version: number = 1;

  @Field(() => Date, { nullable: true, description: 'When the partnership was archived (UTC; it is then left out of lists unless asked for); null while it is not' })
  @Property({ type: 'Date', nullable: true })
  archivedAt?: Date | null;

  /** When the partnership started (partial date as the source gives it); null when no source says. */
  @Field(() => String, { nullable: true, description: 'When the partnership started (founded, agreement signed): YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source; null when no source states it (it then counts as having always existed)' })
  @Property({ type: 'text', nullable: true })
  started?: string | null;

  /** When it ended (first day it no longer existed); null while it runs. */
  @Field(() => String, { nullable: true, description: 'The first day the partnership no longer existed: YYYY, YYYY-MM or YYYY-MM-DD; null while it runs. Ended partnerships do not count in answers about a later day' })
  @Property({ type: 'text', nullable: true })
  ended?: string | null;

  @Field(() => PartnershipEndReason, { nullable: true, description: 'How the partnership ended; null while it runs or when no source says' })
  @Enum({ items: () => PartnershipEndReason, nullable: true })
  endReason?: PartnershipEndReason | null;

  /** The partnership that took over (merged into, replaced by); GraphQL field by PartnershipResolver. */
  @ManyToOne(() => Partnership, { nullable: true, deleteRule: 'set null' })
  successor?: Rel<Partnership> | null;

  /** Where the start and end dates are stated. */
  @Field(() => [Source], { description: 'Where `started`, `ended` and `endReason` are stated; empty when no date is given' })
  @Property({ type: 'json' })
  periodSources: SourceData[] = [];

  @OneToMany(() => Membership, (m) => m.partnership)
  memberships = new Collection<Membership>(this);

  @OneToMany(() => Partner, (p) => p.partnership)
  partners = new Collection<Partner>(this);

  @OneToMany(() => Participation, (p) => p.partnership)
  participations = new Collection<Participation>(this);

  @OneToMany(() => UnmatchedMember, (u) => u.partnership)
  unmatchedMembers = new Collection<UnmatchedMember>(this);
}

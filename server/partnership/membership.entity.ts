import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { Jst } from '../jst/jst.entity.js';
import { Source, type SourceData } from '../shared/source.js';
import { MemberRole, MembershipBasis, PartnerKind } from './partnership-enums.js';
import { Partnership } from './partnership.entity.js';

/** A JST's membership in a partnership, with its dates. A membership with `left` in the past is historical. */
@ObjectType({ description: 'Membership of a JST in a partnership', simpleResolvers: true })
@Entity({ tableName: 'membership' })
@Unique({ properties: ['partnership', 'jst'] })
export class Membership {
  [OptionalProps]?: 'version' | 'basis';

  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Partnership, { deleteRule: 'cascade' })
  partnership!: Rel<Partnership>;

  @Index()
  @ManyToOne(() => Jst, { fieldName: 'jst_teryt' })
  jst!: Jst;

  @Field(() => MemberRole, { description: 'Role of the JST in the partnership' })
  @Enum({ items: () => MemberRole })
  role!: MemberRole;

  @Field(() => String, { nullable: true, description: 'When the JST joined: YYYY, YYYY-MM or YYYY-MM-DD; null when not stated' })
  @Property({ type: 'text', nullable: true })
  joined?: string | null;

  @Field(() => String, { nullable: true, description: 'When the JST left: YYYY, YYYY-MM or YYYY-MM-DD; null while it is a member (a date after today: it will leave then)' })
  @Property({ type: 'text', nullable: true })
  left?: string | null;

  /** STATED (a source names the member) or INFERRED (derived by `inferenceRule` from the source's words). */
  @Field(() => MembershipBasis, { description: 'STATED: a source names this JST as a member; INFERRED: derived from a source\'s words by `inferenceRule` (shown as "wywnioskowane" / "inferred")' })
  @Enum({ items: () => MembershipBasis, default: MembershipBasis.STATED })
  basis: MembershipBasis = MembershipBasis.STATED;

  /** The rule an INFERRED membership follows, in English; null for STATED ones. */
  @Field(() => String, { nullable: true, description: 'How the membership follows from the source\'s words (English), e.g. "the source names the three powiaty and says 24 gminy; every gmina of those powiaty"; null for STATED memberships' })
  @Property({ type: 'text', nullable: true })
  inferenceRule?: string | null;

  @Field(() => String, { nullable: true, description: 'The member\'s name as the source gives it; null for members added through the API or an import' })
  @Property({ type: 'text', nullable: true })
  sourceName?: string | null;

  @Field(() => [Source], { description: 'Where the membership is stated' })
  @Property({ type: 'json' })
  sources: SourceData[] = [];

  @Field(() => Int, { description: 'Version for optimistic locking: send it back with an update' })
  @Property()
  version: number = 1;
}

/** A partner that is not a JST: NGO, business, university. */
@ObjectType({ description: 'A partner that is not a JST (NGO, business, university, …)', simpleResolvers: true })
@Entity({ tableName: 'partner' })
export class Partner {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Partnership, { deleteRule: 'cascade' })
  partnership!: Rel<Partnership>;

  @Field({ description: 'Name of the partner as the source gives it' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => PartnerKind, { description: 'What kind of body the partner is' })
  @Enum({ items: () => PartnerKind })
  kind!: PartnerKind;

  @Field(() => [Source], { description: 'Where the partner is named' })
  @Property({ type: 'json' })
  sources: SourceData[] = [];
}

/** A member a source names that could not be matched to one TERYT code; kept so gaps stay visible. */
@ObjectType({ description: 'A member named by a source but not matched to a single TERYT code', simpleResolvers: true })
@Entity({ tableName: 'unmatched_member' })
export class UnmatchedMember {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Partnership, { deleteRule: 'cascade' })
  partnership!: Rel<Partnership>;

  @Field({ description: 'The name as the source gives it' })
  @Property({ type: 'text' })
  sourceName!: string;

  @Field({ description: 'Why no code was loaded' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => [Source], { description: 'Where the member is named' })
  @Property({ type: 'json' })
  sources: SourceData[] = [];
}

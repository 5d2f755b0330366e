import { OptionalProps, type Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Programme } from '../programme/programme.entity.js';
import { Source, type SourceData } from '../shared/source.js';
import { ParticipationStatus } from './partnership-enums.js';
import { Partnership } from './partnership.entity.js';

/** How a partnership took part in a programme: status, phase, competition, grant, resulting document. */
@ObjectType({ description: 'A partnership\'s participation in a programme', simpleResolvers: true })
@Entity({ tableName: 'participation' })
export class Participation {
  [OptionalProps]?: 'version';

  @Field(() => Int, { description: 'Identifier to name in updateParticipation' })
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Partnership, { deleteRule: 'cascade' })
  partnership!: Rel<Partnership>;

  @Index()
  @ManyToOne(() => Programme)
  programme!: Rel<Programme>;

  @Field(() => ParticipationStatus, { description: 'How the partnership took part' })
  @Enum({ items: () => ParticipationStatus })
  status!: ParticipationStatus;

  @Field(() => String, { nullable: true, description: 'Phase or edition code of the programme (ProgrammePhase.code); null when not stated' })
  @Property({ type: 'text', nullable: true })
  phase?: string | null;

  @Field(() => String, { nullable: true, description: 'Competition, e.g. "POPT MOF nr 1"; null when not stated' })
  @Property({ type: 'text', nullable: true })
  competition?: string | null;

  @Field(() => Float, { nullable: true, description: 'Grant awarded, in grantCurrency (whole currency units, not thousands); null when no source states it' })
  @Property({ type: 'double', nullable: true })
  grantAmount?: number | null;

  @Field(() => String, { nullable: true, description: 'Currency of grantAmount: PLN or EUR; null when no amount is stated' })
  @Property({ type: 'text', nullable: true })
  grantCurrency?: string | null;

  @Field(() => String, { nullable: true, description: 'Document produced, e.g. "strategia ZIT"; null when not stated' })
  @Property({ type: 'text', nullable: true })
  document?: string | null;

  @Field({ description: 'true when the sources make the participation probable but do not state it' })
  @Property({ default: false })
  probable: boolean = false;

  /** The participation's own period where a source gives one (partial dates); null: the phase's or the programme's period. */
  @Field(() => String, { nullable: true, description: 'Start of the participation\'s own period (YYYY, YYYY-MM or YYYY-MM-DD) where a source gives one; null: the period of its phase, else of the programme. Members count for the programme only where their membership overlaps that period' })
  @Property({ type: 'text', nullable: true })
  started?: string | null;

  @Field(() => String, { nullable: true, description: 'End of the participation\'s own period (YYYY, YYYY-MM or YYYY-MM-DD, its last day included); null: the period of its phase, else of the programme' })
  @Property({ type: 'text', nullable: true })
  ended?: string | null;

  @Field(() => [Source], { description: 'Where the participation is stated' })
  @Property({ type: 'json' })
  sources: SourceData[] = [];

  @Field(() => Int, { description: 'Version for optimistic locking: send it back with an update' })
  @Property()
  version: number = 1;
}

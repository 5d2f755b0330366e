import { Collection, OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Source, type SourceData } from '../shared/source.js';

/** A national support programme for partnerships (EEA projekt predefiniowany, POPT MOF, CWD, …). */
@ObjectType({ description: 'A support programme for inter-municipal partnerships', simpleResolvers: true })
@Entity({ tableName: 'programme' })
export class Programme {
  [OptionalProps]?: 'version';

  @PrimaryKey()
  id!: number;

  @Field(() => ID, { description: 'Stable code, e.g. EEA-PP, POPT-MOF, CWD, CWD-PLUS' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field({ description: 'Name in Polish' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Name in English; null when no source gives one' })
  @Property({ type: 'text', nullable: true })
  nameEn?: string | null;

  @Field({ description: 'Source of funds, e.g. "MF EOG 2009–2014"' })
  @Property({ type: 'text' })
  funder!: string;

  @Field(() => String, { nullable: true, description: 'Operator or managing institution; null when not stated' })
  @Property({ type: 'text', nullable: true })
  operator?: string | null;

  @Field(() => [String], { description: 'Implementing organisations' })
  @Property({ type: 'json' })
  implementers: string[] = [];

  @Field(() => String, { nullable: true, description: 'Start: YYYY, YYYY-MM or YYYY-MM-DD; null when not stated' })
  @Property({ type: 'text', nullable: true })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'End: YYYY, YYYY-MM or YYYY-MM-DD; null when not stated or still running' })
  @Property({ type: 'text', nullable: true })
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'What the programme supports, in a few sentences; null when not written' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => [Source], { description: 'Where the programme and its details are stated' })
  @Property({ type: 'json' })
  sources: SourceData[] = [];

  @Field(() => Int, { description: 'Version for optimistic locking: send it back with an update' })
  @Property()
  version: number = 1;

  @OneToMany(() => ProgrammePhase, (phase) => phase.programme, { orderBy: { position: 'asc' } })
  phases = new Collection<ProgrammePhase>(this);

  @OneToMany(() => ReportedFigure, (figure) => figure.programme, { orderBy: { position: 'asc' } })
  reportedFigures = new Collection<ReportedFigure>(this);
}

/** A phase, edition or competition of a programme. */
@ObjectType({ description: 'A phase, edition or competition of a programme' })
@Entity({ tableName: 'programme_phase' })
export class ProgrammePhase {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme!: Programme;

  @Property()
  position!: number;

  @Field({ description: 'Code unique within the programme, e.g. "I", "MOF-1"' })
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: 'Name of the phase as the sources give it' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Start: YYYY, YYYY-MM or YYYY-MM-DD; null when not stated' })
  @Property({ type: 'text', nullable: true })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'End: YYYY, YYYY-MM or YYYY-MM-DD; null when not stated' })
  @Property({ type: 'text', nullable: true })
  endDate?: string | null;

  @Field(() => [Source], { description: 'Where the phase and its dates are stated' })
  @Property({ type: 'json' })
  sources: SourceData[] = [];
}

/** A figure a source reports about a programme, kept apart from what the loaded data counts. */
@ObjectType({ description: 'A figure reported by a source (e.g. "61 partnerships in phase I"), as opposed to what the atlas has loaded' })
@Entity({ tableName: 'reported_figure' })
export class ReportedFigure {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => Programme, { deleteRule: 'cascade' })
  programme!: Programme;

  @Property()
  position!: number;

  @Field({ description: 'What is counted, in English' })
  @Property({ type: 'text' })
  label!: string;

  @Field({ description: 'What is counted, in Polish' })
  @Property({ type: 'text' })
  labelPl!: string;

  @Field(() => Float, { description: 'The figure as the source states it, in `unit`' })
  @Property({ type: 'double' })
  value!: number;

  @Field({ description: 'partnerships, JST, percent of JST, PLN, …' })
  @Property({ type: 'text' })
  unit!: string;

  @Field(() => String, { nullable: true, description: 'Phase or edition code (ProgrammePhase.code) the figure belongs to; null: the whole programme' })
  @Property({ type: 'text', nullable: true })
  phase?: string | null;

  @Field(() => [Source], { description: 'Where the figure is reported' })
  @Property({ type: 'json' })
  sources: SourceData[] = [];
}

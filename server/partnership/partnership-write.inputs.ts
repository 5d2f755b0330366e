import { Field, Float, InputType, Int } from 'type-graphql';
import { SourceInput } from '../shared/source-input.js';
import { AreaType, LegalForm, MemberRole, ParticipationStatus } from './partnership-enums.js';

@InputType({ description: 'A member JST with its role and dates' })
export class MemberInput {
  @Field({ description: 'TERYT code of an existing JST' })
  teryt!: string;

  @Field(() => MemberRole, { defaultValue: MemberRole.MEMBER })
  role!: MemberRole;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })
  joined?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD; not before joined' })
  left?: string | null;

  @Field(() => [SourceInput])
  sources!: SourceInput[];
}

@InputType({ description: 'Fields of a partnership; on update, omitted fields stay as they are' })
export class PartnershipPatch {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => LegalForm, { nullable: true })
  legalForm?: LegalForm | null;

  @Field(() => AreaType, { nullable: true })
  areaType?: AreaType | null;

  @Field(() => String, { nullable: true, description: 'TERYT of the leader; must be a member' })
  leader?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  membersComplete?: boolean | null;

  @Field(() => String, { nullable: true })
  completenessNote?: string | null;

  @Field(() => Int, { nullable: true })
  statedMemberCount?: number | null;

  @Field(() => [SourceInput], { nullable: true })
  sources?: SourceInput[] | null;

  @Field(() => [String], { nullable: true, description: 'TERC codes (2 digits) of the województwa the partnership belongs to; required on create; must include every member\'s' })
  voivodeships?: string[] | null;
}

@InputType({ description: 'A new partnership' })
export class PartnershipInput extends PartnershipPatch {
  @Field({ description: 'URL-safe identifier: lowercase letters, digits, single hyphens' })
  slug!: string;

  @Field(() => [MemberInput], { nullable: true })
  members?: MemberInput[] | null;
}

@InputType({ description: 'Participation of a partnership in a programme; on update, omitted fields stay as they are' })
export class ParticipationPatch {
  @Field(() => ParticipationStatus, { nullable: true })
  status?: ParticipationStatus | null;

  @Field(() => String, { nullable: true })
  phase?: string | null;

  @Field(() => String, { nullable: true })
  competition?: string | null;

  @Field(() => Float, { nullable: true })
  grantAmount?: number | null;

  @Field(() => String, { nullable: true, description: 'PLN or EUR' })
  grantCurrency?: string | null;

  @Field(() => String, { nullable: true })
  document?: string | null;

  @Field(() => Boolean, { nullable: true })
  probable?: boolean | null;

  @Field(() => [SourceInput], { nullable: true })
  sources?: SourceInput[] | null;
}

@InputType({ description: 'A new participation' })
export class ParticipationInput extends ParticipationPatch {
  @Field({ description: 'Programme code' })
  programme!: string;
}

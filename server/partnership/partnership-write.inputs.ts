import { Field, Float, InputType, Int } from 'type-graphql';
import { SourceInput } from '../shared/source-input.js';
import { AreaType, LegalForm, MemberRole, MembershipBasis, ParticipationStatus, PartnershipEndReason } from './partnership-enums.js';

@InputType({ description: 'A member JST with its role and dates' })
export class MemberInput {
  @Field({ description: 'TERYT code of an existing JST' })
  teryt!: string;

  @Field(() => MemberRole, { defaultValue: MemberRole.MEMBER, description: 'Role of the JST in the partnership' })
  role!: MemberRole;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD' })
  joined?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD; not before joined' })
  left?: string | null;

  @Field(() => MembershipBasis, { defaultValue: MembershipBasis.STATED, description: 'STATED: the source names the JST; INFERRED: derived from the source\'s words (then `inferenceRule` is required)' })
  basis!: MembershipBasis;

  @Field(() => String, { nullable: true, description: 'How the source\'s words imply the membership, up to 1,000 characters: required with basis INFERRED, refused with STATED' })
  inferenceRule?: string | null;

  @Field(() => [SourceInput], { description: 'Where the membership is stated; at least one' })
  sources!: SourceInput[];
}

@InputType({ description: 'Fields of a partnership; on update, omitted fields stay as they are' })
export class PartnershipPatch {
  @Field(() => String, { nullable: true, description: 'Full name, up to 300 characters; required on create' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Short name or acronym, up to 80 characters; null clears it' })
  shortName?: string | null;

  @Field(() => LegalForm, { nullable: true, description: 'Legal form (UNKNOWN when a new partnership omits it)' })
  legalForm?: LegalForm | null;

  @Field(() => AreaType, { nullable: true, description: 'Type of functional area (OTHER when a new partnership omits it)' })
  areaType?: AreaType | null;

  @Field(() => String, { nullable: true, description: 'TERYT of the leader; must be a member' })
  leader?: string | null;

  @Field(() => String, { nullable: true, description: 'Web site, an http(s) URL; null clears it' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'What the partnership does, up to 5,000 characters (line breaks allowed); null clears it' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true only when a source lists all members (false when a new partnership omits it)' })
  membersComplete?: boolean | null;

  @Field(() => String, { nullable: true, description: 'What is missing or uncertain in the member list, up to 2,000 characters; null clears it' })
  completenessNote?: string | null;

  @Field(() => Int, { nullable: true, description: 'Member count a source states, 0–3000, where it differs from the named list; null clears it' })
  statedMemberCount?: number | null;

  @Field(() => [SourceInput], { nullable: true, description: 'Sources of the partnership, at least one; required on create, replaces the list on update' })
  sources?: SourceInput[] | null;

  @Field(() => [String], { nullable: true, description: 'TERC codes (2 digits) of the województwa the partnership belongs to; required on create; must include every member\'s' })
  voivodeships?: string[] | null;

  @Field(() => String, { nullable: true, description: 'When the partnership started: YYYY, YYYY-MM or YYYY-MM-DD; null clears it' })
  started?: string | null;

  @Field(() => String, { nullable: true, description: 'The first day the partnership no longer existed: YYYY, YYYY-MM or YYYY-MM-DD, not before started; null clears it (and needs endReason cleared too)' })
  ended?: string | null;

  @Field(() => PartnershipEndReason, { nullable: true, description: 'How the partnership ended; only with ended; null clears it' })
  endReason?: PartnershipEndReason | null;

  @Field(() => String, { nullable: true, description: 'Slug of the partnership that took over (merged into, replaced by); an existing one, not this one; null clears it' })
  successor?: string | null;

  @Field(() => [SourceInput], { nullable: true, description: 'Where started, ended and endReason are stated; replaces the list; needed (at least one) whenever a date is set' })
  periodSources?: SourceInput[] | null;
}

@InputType({ description: 'A new partnership' })
export class PartnershipInput extends PartnershipPatch {
  @Field({ description: 'URL-safe identifier: lowercase letters, digits, single hyphens' })
  slug!: string;

  @Field(() => [MemberInput], { nullable: true, description: 'Member JSTs, each once; omit for none (setMembers changes them later)' })
  members?: MemberInput[] | null;
}

@InputType({ description: 'Participation of a partnership in a programme; on update, omitted fields stay as they are' })
export class ParticipationPatch {
  @Field(() => ParticipationStatus, { nullable: true, description: 'How the partnership took part; required for a new participation' })
  status?: ParticipationStatus | null;

  @Field(() => String, { nullable: true, description: 'Phase or edition code of the programme (ProgrammePhase.code), up to 300 characters; null clears it' })
  phase?: string | null;

  @Field(() => String, { nullable: true, description: 'Competition, e.g. "POPT MOF nr 1", up to 300 characters; null clears it' })
  competition?: string | null;

  @Field(() => Float, { nullable: true, description: 'Grant awarded, 0 or more, in grantCurrency (whole units); null clears it' })
  grantAmount?: number | null;

  @Field(() => String, { nullable: true, description: 'Currency of grantAmount: PLN or EUR; null clears it' })
  grantCurrency?: string | null;

  @Field(() => String, { nullable: true, description: 'Document produced, e.g. "strategia ZIT", up to 300 characters; null clears it' })
  document?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true when the sources make the participation probable but do not state it (false when a new participation omits it)' })
  probable?: boolean | null;

  @Field(() => [SourceInput], { nullable: true, description: 'Where the participation is stated, at least one; required for a new participation, replaces the list on update' })
  sources?: SourceInput[] | null;

  @Field(() => String, { nullable: true, description: 'Start of the participation\'s own period where a source gives one (YYYY, YYYY-MM or YYYY-MM-DD); null clears it (the phase\'s or programme\'s period applies)' })
  started?: string | null;

  @Field(() => String, { nullable: true, description: 'End of the participation\'s own period (YYYY, YYYY-MM or YYYY-MM-DD, last day included), not before started; null clears it' })
  ended?: string | null;
}

@InputType({ description: 'A new participation' })
export class ParticipationInput extends ParticipationPatch {
  @Field({ description: 'Programme code' })
  programme!: string;
}

import { Field, InputType } from 'type-graphql';
import { JstKind, JstLevel } from './jst-kind.js';

@InputType({ description: 'Filter for jsts; all given conditions must hold' })
export class JstFilter {
  @Field(() => JstLevel, { nullable: true, description: 'Only units of this tier' })
  level?: JstLevel | null;

  @Field(() => [JstKind], { nullable: true, description: 'Only units of one of these legal kinds' })
  kinds?: JstKind[] | null;

  @Field(() => String, { nullable: true, description: 'TERC code of a województwo (2 digits): units inside it' })
  voivodeship?: string | null;

  @Field(() => String, { nullable: true, description: 'TERC code of a powiat (4 digits): its gminy' })
  county?: string | null;

  @Field(() => String, { nullable: true, description: 'Programme code: units that are current members of a partnership taking part in it' })
  programme?: string | null;

  @Field(() => String, { nullable: true, description: 'Partnership slug: its current members' })
  memberOf?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: units that are a current member of no partnership' })
  memberOfNone?: boolean | null;

  @Field(() => String, { nullable: true, description:
      'Name matches this text, ignoring case, Polish diacritics, hyphens and punctuation ("lodz" finds Łódź, "bielsko biala" Bielsko-Biała); from 5 letters one typo is tolerated ("krakuw"). Results are then ordered best match first', })
  search?: string | null;
}

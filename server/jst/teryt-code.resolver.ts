import { Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RootOf } from '../graphql/root.js';
import type { ResolvedTeryt } from '../input/teryt.js';
import { Jst } from './jst.entity.js';
import { formerCodesOf } from './teryt-history.js';

@ObjectType({ description: 'A TERC code a JST had before its current one (a gmina that became miejsko-wiejska changed its last digit)' })
export class FormerTerytCode {
  @Field({ description: 'The former code, 7 digits' })
  code!: string;

  @Field({
    description: 'By when it was replaced, as a partial date: an upper bound, not the day of the change ("2024-01-01": by the TERYT state of 1.01.2024; "2026": by the GUGiK list of 2026). The reference files give no day',
  })
  validTo!: string;

  @Field({ description: 'The reference file and row stating the change' })
  source!: string;
}

@ObjectType({ description: 'The code a lookup was asked with, and whether it is the JST\'s current code' })
export class TerytMatch {
  @Field({ description: 'The code as asked' })
  code!: string;

  @Field({ description: 'true: the asked code is current; false: it is a former code of this JST (the answer is keyed by `currentCode`)' })
  current!: boolean;

  @Field({ description: 'The JST\'s current code (the atlas\'s key, `Jst.teryt`)' })
  currentCode!: string;

  @Field(() => String, { nullable: true, description: 'For a former code: by when the current code replaced it, as a partial date and an upper bound (see FormerTerytCode.validTo); null for a current code' })
  currentSince!: string | null;
}

/** The lookup's code, as `jst(teryt:)` marks the object it answers (a plain property, not stored). */
type Marked = { matchedCode?: ResolvedTeryt };

/** Marks a JST answered for `resolved`, so `matchedCode` can say which code the caller used. */
export function markMatched<T extends object>(jst: T | null, resolved: ResolvedTeryt): T | null {
  if (jst) (jst as Marked).matchedCode = resolved;
  return jst;
}

@Resolver(() => Jst)
export class JstCodesResolver {
  @FieldResolver(() => [FormerTerytCode], { description: 'Codes the JST had before its current one (server/jst/teryt-history.json); empty for most' })
  formerCodes(@Root() jst: RootOf<Jst>): FormerTerytCode[] {
    return formerCodesOf(jst.teryt).map((f) => ({ code: f.code, validTo: f.validTo, source: f.source }));
  }

  @FieldResolver(() => TerytMatch, { description: 'For `jst(teryt:)`: the code asked and whether it is current or a former code of this JST; elsewhere the JST\'s current code' })
  matchedCode(@Root() jst: RootOf<Jst>): TerytMatch {
    const resolved = (jst as Marked).matchedCode;
    if (!resolved?.former) return { code: resolved?.asked ?? jst.teryt, current: true, currentCode: jst.teryt, currentSince: null };
    return { code: resolved.asked, current: false, currentCode: jst.teryt, currentSince: resolved.former.validTo };
  }
}

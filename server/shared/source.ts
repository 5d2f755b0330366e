import { Field, ObjectType } from 'type-graphql';

/** Where a fact comes from: a seed document (`seeds/<file>`) or a public URL, with the quote that states it. */
@ObjectType({ description: 'Where a fact comes from: a seed document of the project or a public URL' })
export class Source {
  @Field({ description: '`seeds/<file>` (a source document shipped with the project) or an http(s) URL' })
  ref!: string;

  @Field(() => String, { nullable: true, description: 'The sentence of the source that states the fact, verbatim; null when not quoted' })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'Remark on reliability, e.g. "probable, not confirmed"; null when there is none' })
  note?: string | null;
}

export interface SourceData {
  ref: string;
  quote?: string;
  note?: string;
}

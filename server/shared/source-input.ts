import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Where a fact comes from' })
export class SourceInput {
  @Field({ description: 'An http(s) URL, or seeds/<file> for a document shipped with the project' })
  ref!: string;

  @Field(() => String, { nullable: true, description: 'The sentence of the source that states the fact, verbatim; omit or null when not quoted' })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'Remark on reliability, e.g. "probable, not confirmed"; omit or null for none' })
  note?: string | null;
}

import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Where a fact comes from' })
export class SourceInput {
  @Field({ description: 'An http(s) URL, or seeds/<file> for a document shipped with the project' })
  ref!: string;

  @Field(() => String, { nullable: true, description: 'The sentence of the source that states the fact' })
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'Remark of the editor about the source, e.g. which page or table' })
  note?: string | null;
}

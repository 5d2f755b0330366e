import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A bad row of an import file: nothing is written while any row is bad' })
export class ImportRowError {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' })
  line!: number;

  @Field({ description: 'Column' })
  field!: string;

  @Field({ description: 'What is wrong with the value, in English' })
  message!: string;
}

@ObjectType({ description: 'One change an import makes (or would make, in a dry run)' })
export class ImportChange {
  @Field({ description: 'created, changed or removed' })
  kind!: 'created' | 'changed' | 'removed';

  @Field({ description: 'partnership, membership or participation' })
  entity!: string;

  @Field({ description: 'Slug, slug/TERYT or slug/programme' })
  key!: string;

  @Field(() => [Int], { description: 'Lines of the file behind the change (none for a removal)' })
  lines!: number[];

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values before the change; null for a creation' })
  before?: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Values after the change; null for a removal' })
  after?: Record<string, unknown> | null;
}

@ObjectType({ description: 'What an import found and did' })
export class ImportResult {
  @Field({ description: 'true when the import was a dry run: the changes are what it would make, nothing was written' })
  dryRun!: boolean;

  @Field({ description: 'true when the changes were written (never in a dry run or with bad rows)' })
  applied!: boolean;

  @Field({ description: 'The encoding the file was read in: UTF-8, UTF-8 with BOM or windows-1250' })
  encoding!: string;

  @Field(() => Int, { description: 'Data rows read from the file (the header not counted)' })
  rows!: number;

  @Field(() => [ImportChange], { description: 'The changes made (or, in a dry run, that would be made); empty when any row is bad' })
  changes!: ImportChange[];

  @Field(() => [ImportRowError], { description: 'Every bad row; when there is one, nothing is written' })
  errors!: ImportRowError[];
}

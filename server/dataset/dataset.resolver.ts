import { Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { readDatasetVersion } from './dataset-version.js';
import { ATTRIBUTION_LINE, ATTRIBUTIONS, CODE_LICENCE, DATA_LICENCE } from '../shared/data-licence.js';

@ObjectType({ description: 'A licence, by name, SPDX identifier and the address of its text' })
class LicenceInfo {
  @Field({ description: 'Short name, e.g. "CC BY 4.0"' })
  name!: string;

  @Field({ description: 'SPDX licence identifier, e.g. "CC-BY-4.0"' })
  spdx!: string;

  @Field({ description: 'Address of the licence text' })
  url!: string;
}

@ObjectType({ description: 'A source of data the atlas shows, and the line that names it' })
class AttributionInfo {
  @Field({ description: 'Which of the atlas\'s data comes from this source' })
  covers!: string;

  @Field({ description: 'The attribution to show where that data is shown' })
  text!: string;

  @Field({ description: 'The source\'s own page' })
  url!: string;
}

@ObjectType({ description: 'Terms of reuse: the licence of the data and of the code, and the sources to name' })
class DatasetInfo {
  @Field(() => LicenceInfo, { description: 'Licence of the data (partnerships, members, programmes, figures, areas): CC BY 4.0' })
  licence!: LicenceInfo;

  @Field(() => LicenceInfo, { description: 'Licence of the code (the LICENSE file): MIT' })
  codeLicence!: LicenceInfo;

  @Field({ description: 'One line that satisfies every attribution, to show beside the data (as the map does)' })
  attribution!: string;

  @Field(() => [AttributionInfo], { description: 'The sources that ask to be named, one by one' })
  attributions!: AttributionInfo[];
}

@Resolver(() => DatasetInfo)
export class DatasetResolver {
  @Query(() => DatasetInfo, { description: 'How the data may be reused: its licence (CC BY 4.0) and the attributions it needs' })
  dataset(): DatasetInfo {
    return { licence: DATA_LICENCE, codeLicence: CODE_LICENCE, attribution: ATTRIBUTION_LINE, attributions: [...ATTRIBUTIONS] };
  }

  @FieldResolver(() => Date, { description: 'When the data last changed: the commit of the last write to what the API reads (UTC), or of the pinned version; an embed shows it as the date of its data' })
  async changedAt(@Ctx() ctx: Context): Promise<Date> {
    return (await readDatasetVersion(ctx.em)).changedAt;
  }

  @FieldResolver(() => Int, { description: 'The dataset version this answer shows: the newest, or the one the request pinned (`version=<n>`, docs/versions.md); a link can pin it to cite this state' })
  async version(@Ctx() ctx: Context): Promise<number> {
    return (await readDatasetVersion(ctx.em)).version;
  }
}

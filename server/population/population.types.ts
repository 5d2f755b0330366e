import { Field, Int, ObjectType } from 'type-graphql';

/** A loaded population year, as `population_year` holds it. */
export interface PopulationYearRow {
  year: number;
  asOf: string;
  label: string;
  url: string;
}

@ObjectType({ description: 'Where a population figure comes from; show `citation` wherever the figure appears' })
export class PopulationSource {
  @Field({ description: 'The source, e.g. "GUS, Bank Danych Lokalnych (stan 31.12.2020)"' })
  label!: string;

  @Field({ description: 'The line to print under a figure: "Źródło: " and the label' })
  citation!: string;

  @Field({ description: 'Address of the source (GUS Bank Danych Lokalnych)' })
  url!: string;

  @Field(() => Int, { description: 'Year of the figures' })
  year!: number;

  @Field({ description: 'The day the figures describe (state date), YYYY-MM-DD' })
  asOf!: string;
}

@ObjectType({ description: 'People living in a JST (GUS, total of all ages and both sexes) on the state date of the source' })
export class Population {
  @Field(() => Int, { description: 'Number of people' })
  people!: number;

  @Field(() => Int, { description: 'Year of the figure' })
  year!: number;

  @Field({ description: 'The day the figure describes, YYYY-MM-DD (31 December of `year`)' })
  asOf!: string;

  @Field(() => PopulationSource, { description: 'Where the figure comes from' })
  source!: PopulationSource;
}

@ObjectType({ description: "People living in the gminy of a partnership's functional area: each gmina once, a powiat member bringing all its gminy, a województwo member none" })
export class AreaPopulation extends Population {
  @Field(() => Int, { description: 'Gminy inside the area that day' })
  gminy!: number;

  @Field(() => Int, { description: 'Of those, gminy without a figure for the year (0 when the figures are complete); `people` leaves them out' })
  gminyWithoutFigure!: number;
}

/** The GraphQL source object of a loaded year. */
export function sourceOf(y: PopulationYearRow): PopulationSource {
  return { label: y.label, citation: `Źródło: ${y.label}`, url: y.url, year: y.year, asOf: y.asOf };
}

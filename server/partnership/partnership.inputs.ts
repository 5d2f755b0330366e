import type { Geometry } from 'geojson';
import { Field, Float, InputType } from 'type-graphql';
import { GeoJSONScalar } from '../graphql/geojson-scalar.js';
import { AreaType, LegalForm, ParticipationStatus } from './partnership-enums.js';

@InputType({ description: 'A point, in degrees' })
export class PointInput {
  @Field(() => Float, { description: 'Longitude, −180…180' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude, −90…90' })
  lat!: number;
}

@InputType({ description: 'Filter for partnerships; all given conditions must hold' })
export class PartnershipFilter {
  @Field(() => String, { nullable: true, description: 'Programme code: partnerships that took part in it' })
  programme?: string | null;

  @Field(() => [ParticipationStatus], { nullable: true, description: 'With `programme`, or alone: participation status' })
  statuses?: ParticipationStatus[] | null;

  @Field(() => String, { nullable: true, description: 'TERC code of a województwo (2 digits): partnerships with a member in it today, or on `asOf`; with `programme` and no `asOf`, a member in the period of the participation (docs/time.md)' })
  voivodeship?: string | null;

  @Field(() => String, { nullable: true, description: 'TERYT code: partnerships the JST is a member of today, or on `asOf`; with `programme` and no `asOf`, in the period of the participation' })
  member?: string | null;

  @Field(() => [LegalForm], { nullable: true, description: 'Partnerships of one of these legal forms' })
  legalForms?: LegalForm[] | null;

  @Field(() => [AreaType], { nullable: true, description: 'Partnerships of one of these area types' })
  areaTypes?: AreaType[] | null;

  @Field(() => String, { nullable: true, description:
      'Name or short name matches this text, ignoring case, Polish diacritics, hyphens and punctuation; from 5 letters one typo is tolerated. Results are then ordered best match first', })
  search?: string | null;

  @Field(() => [Float], { nullable: true, description: 'Functional area intersects [west, south, east, north] (degrees)' })
  bbox?: number[] | null;

  @Field(() => GeoJSONScalar, { nullable: true, description: 'Functional area intersects this GeoJSON geometry (lng,lat degrees)' })
  intersects?: Geometry | null;

  @Field(() => PointInput, { nullable: true, description: 'Functional area contains this point' })
  containsPoint?: PointInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Include archived partnerships (left out by default)' })
  includeArchived?: boolean | null;
}

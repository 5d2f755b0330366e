import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { PrimaryKeyProp } from '@mikro-orm/core';
import type { Geometry } from 'geojson';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { GeometryType } from '../db/geometry-type.js';
import { JstKind, JstLevel } from './jst-kind.js';

/** A unit of local government (jednostka samorządu terytorialnego), keyed by its TERC code. */
@ObjectType({ description: 'A unit of local government: gmina, powiat or województwo, keyed by its TERYT (TERC) code', simpleResolvers: true })
@Entity({ tableName: 'jst' })
export class Jst {
  [PrimaryKeyProp]?: 'teryt';

  @Field(() => ID, { description: 'TERC code: 2 digits województwo, 4 powiat, 7 gmina (with its type digit)' })
  @PrimaryKey({ type: 'string', length: 7 })
  teryt!: string;

  @Field({ description: 'Official name, with Polish diacritics' })
  @Property({ type: 'text' })
  name!: string;

  /** Lower-case, diacritics-free name for search (see `searchName`). */
  @Index()
  @Property({ type: 'text' })
  searchName!: string;

  @Field(() => JstLevel, { description: 'Tier: województwo, powiat or gmina (a miasto na prawach powiatu is a powiat)' })
  @Enum({ items: () => JstLevel })
  level!: JstLevel;

  @Field(() => JstKind, { description: 'Legal kind, e.g. gmina miejska or gmina wiejska; kindLabel gives it in Polish' })
  @Enum({ items: () => JstKind })
  kind!: JstKind;

  @ManyToOne(() => Jst, { nullable: true, fieldName: 'parent_teryt' })
  parent?: Jst | null;

  @Field({ description: 'TERC code of the województwo the unit lies in' })
  @Property({ type: 'string', length: 2 })
  voivodeshipTeryt!: string;

  /** Boundary in EPSG:4326 (lng,lat degrees); lazy because it is large. */
  @Property({ type: new GeometryType('MultiPolygon'), lazy: true })
  boundary?: Geometry | null;

  @Field(() => Float, { description: 'Area in km², computed by PostGIS on the geography (spheroid)' })
  @Property({ type: 'double' })
  areaKm2!: number;
}

import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { MAP_PALETTE_SLOTS, MapColourService, NEIGHBOUR_METRES } from './map-colour.service.js';

@ObjectType({ description: "A partnership's colour on the map, the same whatever the filters: neighbouring areas never share one while the palette suffices" })
class MapColour {
  @Field(() => String, { description: "The partnership's slug" })
  slug!: string;

  @Field(() => Int, { description: `Slot of the map's identity palette, 0–${MAP_PALETTE_SLOTS - 1}, from colouring the graph of neighbouring areas (DSatur)` })
  slot!: number;

  @Field(() => [String], { description: `Slugs of the partnerships whose functional areas touch, overlap or lie within ${NEIGHBOUR_METRES / 1000} km of this one` })
  neighbours!: string[];
}

@Resolver(() => MapColour)
export class MapColourResolver {
  @Query(() => [MapColour], { description: 'Map colours of every partnership with a functional area (those the `areas` tiles draw), by slug' })
  mapColours(@Ctx() { em, readCache }: Context): Promise<MapColour[]> {
    return new MapColourService(em, readCache).colours();
  }
}

import type { JsonShape } from '../db/json-select.js';

/**
 * A JST as a json object of the selected fields (server/db/json-select.ts), shaped like `jstFromRow`:
 * `parent` is a `{ teryt }` reference its resolver loads. `teryt` is always there: the resolvers of
 * the fields read elsewhere (geometry, memberships, placement) start from it.
 */
export const JST_JSON: JsonShape = {
  alias: 'j',
  fields: {
    teryt: 'teryt', name: 'name', level: 'level', kind: 'kind', voivodeshipTeryt: 'voivodeship_teryt', areaKm2: 'area_km2',
    parent: (j) => `case when ${j}.parent_teryt is null then null else json_build_object('teryt', ${j}.parent_teryt) end`,
  },
  always: ['teryt'],
  derived: { kindLabel: ['kind'], voivodeship: ['voivodeshipTeryt'] },
};

import type { JsonShape } from '../db/json-select.js';

/**
 * A programme as a json object of the selected fields (server/db/json-select.ts). `id` is always
 * there: phases, figures, `loaded` and participations are loaded by it.
 */
export const PROGRAMME_JSON: JsonShape = {
  alias: 'pr',
  fields: {
    id: 'id', code: 'code', name: 'name', nameEn: 'name_en', funder: 'funder', operator: 'operator', implementers: 'implementers',
    startDate: 'start_date', endDate: 'end_date', description: 'description', sources: 'sources', version: 'version',
  },
  always: ['id'],
};

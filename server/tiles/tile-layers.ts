/**
 * The vector tile layers: their names (one URL layer, one MVT layer of the same name), what their
 * features carry, and from which zoom each kind of label is drawn. docs/tiles.md is the contract
 * these describe; TileJSON's `vector_layers` is built from here, so the two cannot drift apart.
 */

export const TILE_LAYER_NAMES = ['wojewodztwa', 'powiaty', 'gminy', 'areas', 'labels'] as const;
export type TileLayerName = (typeof TILE_LAYER_NAMES)[number];

/** The MVT extent: tile coordinates run from 0 to 4096 on each axis. */
export const TILE_EXTENT = 4096;
/** Geometry is clipped this many tile units (of TILE_EXTENT) outside the tile, so strokes meet across tile edges. */
export const TILE_BUFFER = 64;
/** Tiles are made up to this zoom; clients overzoom past it. */
export const TILE_MAX_ZOOM = 14;
/** From this zoom on, tiles keep every vertex of the stored boundaries (only rounded to tile units). */
export const FULL_DETAIL_ZOOM = 12;

/** Field types as TileJSON's vector_layers spell them. */
type FieldType = 'String' | 'Number';

export interface TileLayerInfo {
  description: string;
  fields: Record<string, { type: FieldType; description: string }>;
  minzoom: number;
}

const LIST = 'codes joined by "," with no spaces, "" when empty';

const UNIT_FIELDS: TileLayerInfo['fields'] = {
  teryt: { type: 'String', description: 'TERYT (TERC) code; also the feature id, as an integer' },
  name: { type: 'String', description: 'Official name, in Polish with diacritics' },
  kind: { type: 'String', description: 'JST kind as the API names it (JstKind: GMINA_WIEJSKA, POWIAT, …)' },
  parent: { type: 'String', description: 'TERYT code of the powiat (of a gmina) or województwo (of a powiat); "" for a województwo' },
  partnerships: { type: 'String', description: `Slugs of the partnerships the unit belongs to today (its own memberships and, for a gmina, its powiat's), ${LIST}` },
  count: { type: 'Number', description: 'How many partnerships `partnerships` lists' },
  programmes: { type: 'String', description: `Programme codes of those partnerships, ${LIST}` },
  statuses: { type: 'String', description: `Participation statuses of those partnerships (APPLICANT, GRANTEE, PARTICIPANT, LAUREATE), ${LIST}` },
  inferred: { type: 'String', description: `Slugs of those partnerships the unit's membership (or its powiat's) is INFERRED in: derived from a source's words, not named there; ${LIST}` },
};

/** Labels of each kind are drawn from this zoom on (earlier they would crowd each other out). */
export const LABEL_MIN_ZOOM = { wojewodztwo: 0, partnership: 6, powiat: 7, gmina: 9 } as const;
export type LabelKind = keyof typeof LABEL_MIN_ZOOM;

export const TILE_LAYERS: Record<TileLayerName, TileLayerInfo> = {
  wojewodztwa: { description: 'Województwa (regions): boundaries and the partnerships they take part in', fields: UNIT_FIELDS, minzoom: 0 },
  powiaty: { description: 'Powiaty (counties, including miasta na prawach powiatu): boundaries and partnerships', fields: UNIT_FIELDS, minzoom: 0 },
  gminy: { description: 'Gminy (municipalities): boundaries and partnerships, including those of their powiat', fields: UNIT_FIELDS, minzoom: 0 },
  areas: {
    description: "Partnerships' functional areas: the union of their current member gminy and powiaty; feature id = the partnership's numeric id",
    fields: {
      slug: { type: 'String', description: "The partnership's slug" },
      name: { type: 'String', description: 'Name, in Polish' },
      short_name: { type: 'String', description: 'Short name or acronym; "" when none' },
      programmes: { type: 'String', description: `Codes of the programmes it takes part in, ${LIST}` },
      status: { type: 'String', description: `Its participation statuses (APPLICANT, GRANTEE, PARTICIPANT, LAUREATE), ${LIST}` },
      members: { type: 'Number', description: 'Current members that make up the area' },
    },
    minzoom: 0,
  },
  labels: {
    description: `Label points (PostGIS ST_PointOnSurface), no feature id. From zoom ${LABEL_MIN_ZOOM.wojewodztwo}: województwa; ${LABEL_MIN_ZOOM.partnership}: partnerships; ${LABEL_MIN_ZOOM.powiat}: powiaty; ${LABEL_MIN_ZOOM.gmina}: gminy`,
    fields: {
      kind: { type: 'String', description: 'wojewodztwo, powiat, gmina or partnership' },
      name: { type: 'String', description: 'Name, in Polish' },
      teryt: { type: 'String', description: 'TERYT code of a unit; "" for a partnership' },
      slug: { type: 'String', description: 'Slug of a partnership; "" for a unit' },
    },
    minzoom: 0,
  },
};

export const isTileLayerName = (name: string): name is TileLayerName => (TILE_LAYER_NAMES as readonly string[]).includes(name);

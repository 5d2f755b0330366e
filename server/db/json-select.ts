/**
 * SQL that reads a tree of related rows as ONE json value per top row, with exactly the fields a
 * query selected. A page of 50 partnerships with members, their JSTs and programmes is one
 * statement: no statement per relation level, no row per member crossing the wire, and the objects
 * arrive shaped for the API, so nothing maps them field by field.
 *
 * The selection is plain data (the GraphQL layer turns a query into it, server/graphql/lookahead.ts),
 * so this module knows nothing about GraphQL.
 */

/** One field a query selects: its name in the schema, its arguments (defaults applied) and what it selects below. */
export interface SelectedField {
  name: string;
  args: Readonly<Record<string, unknown>>;
  children: readonly SelectedField[];
}

/** A relation a shape can read in the same statement. */
export interface JsonRelation {
  /** The shape of the related rows. */
  shape: () => JsonShape;
  /** true: a json array (empty when none); false: one object or null. */
  many: boolean;
  /**
   * Where the related rows are: `<table> <child alias> where …` joined to the parent by its alias.
   * Arguments reach here only as booleans or values the shape itself validates, never as SQL.
   */
  from(parent: string, child: string, args: Readonly<Record<string, unknown>>): string;
  /** Order of a `many` relation's rows, over the child alias. */
  orderBy?(child: string): string;
}

/** How one object type reads from its table. */
export interface JsonShape {
  /** Prefix of the table aliases this shape's rows get (`p`, `m`, …), numbered by depth. */
  alias: string;
  /** Plain fields: field name → column name, or an SQL expression over the alias. */
  fields: Readonly<Record<string, string | ((alias: string) => string)>>;
  /** Keys every object carries, whatever is selected: what the resolvers of fields not read here start from. */
  always: readonly string[];
  /** Fields answered by a resolver from keys of the object: field name → the keys it reads (beyond `always`). */
  derived?: Readonly<Record<string, readonly string[]>>;
  /** Relations read in the same statement. */
  relations?: Readonly<Record<string, JsonRelation>>;
}

/**
 * The key an object carries a relation under: the field and its arguments (in the schema's order,
 * defaults applied, as graphql-js hands them to a resolver). `@` cannot start a GraphQL field name,
 * so it never collides with a field an entity or a plain row carries (a Partnership entity's
 * `participations` is a collection). Two aliases of one relation with the same arguments share one
 * key; `members` and `members(includeFormer: true)` have two.
 */
export function relationKey(field: string, args: Readonly<Record<string, unknown>>): string {
  for (const _ in args) return `@${field}${JSON.stringify(args)}`;
  return `@${field}`;
}

/** json_build_object takes at most 100 arguments: more pairs than this are built in parts and merged. */
const MAX_PAIRS = 50;

/**
 * `json_build_object(…)` of the selected fields of `shape` over the table alias `alias` (a row of
 * depth `depth`), relations as nested subqueries. Fields the shape does not know are left to their
 * resolvers, which find what they need among the `always` keys.
 */
export function jsonObject(shape: JsonShape, selection: readonly SelectedField[], alias: string, depth = 0): string {
  const pairs = new Map<string, string>();
  const column = (key: string) => {
    const field = shape.fields[key];
    if (field === undefined) throw new Error(`json-select: shape ${shape.alias} has no field ${key}`);
    pairs.set(key, typeof field === 'function' ? field(alias) : `${alias}."${field}"`);
  };
  for (const key of shape.always) column(key);
  const relations = new Map<string, { relation: JsonRelation; args: Readonly<Record<string, unknown>>; children: SelectedField[] }>();
  for (const selected of selection) {
    const relation = shape.relations?.[selected.name];
    if (relation) {
      const key = relationKey(selected.name, selected.args);
      const merged = relations.get(key) ?? { relation, args: selected.args, children: [] };
      merged.children.push(...selected.children); // aliases of one relation and argument set: one read of the union
      relations.set(key, merged);
    } else if (selected.name in shape.fields) column(selected.name);
    else for (const key of shape.derived?.[selected.name] ?? []) column(key);
  }
  for (const [key, { relation, args, children }] of relations) pairs.set(key, relationSql(relation, args, children, alias, depth + 1));
  return buildObject([...pairs]);
}

/** The subquery of one relation: an object or null, or an array (`[]` when none). */
function relationSql(relation: JsonRelation, args: Readonly<Record<string, unknown>>, children: readonly SelectedField[], parent: string, depth: number): string {
  const shape = relation.shape();
  const child = `${shape.alias}${depth}`;
  const object = jsonObject(shape, children, child, depth);
  const from = relation.from(parent, child, args);
  if (!relation.many) return `(select ${object} from ${from})`;
  const order = relation.orderBy ? ` order by ${relation.orderBy(child)}` : '';
  return `(select coalesce(json_agg(${object}${order}), '[]'::json) from ${from})`;
}

function buildObject(pairs: [string, string][]): string {
  // A relation's key holds its arguments: quoted as an SQL string, whatever they hold.
  const build = (part: [string, string][], fn: string) => `${fn}(${part.map(([k, v]) => `'${k.replaceAll("'", "''")}', ${v}`).join(', ')})`;
  if (pairs.length <= MAX_PAIRS) return build(pairs, 'json_build_object');
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += MAX_PAIRS) parts.push(build(pairs.slice(i, i + MAX_PAIRS), 'jsonb_build_object'));
  return `(${parts.join(' || ')})::json`;
}

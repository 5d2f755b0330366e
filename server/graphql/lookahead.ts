import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

type Variables = GraphQLResolveInfo['variableValues'];

/** Whether @skip/@include let a selection through (as graphql-js will decide when it gets there). */
function included(node: SelectionNode, variables: Variables): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The fields called `name` in a selection set, through inline fragments and fragment spreads. */
function fieldsNamed(set: SelectionSetNode, name: string, info: GraphQLResolveInfo, spread: Set<string>): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of set.selections) {
    if (!included(selection, info.variableValues)) continue;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...fieldsNamed(selection.selectionSet, name, info, spread));
    } else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value); // validation already refuses cycles; this only keeps a walk finite
      const fragment = info.fragments[selection.name.value];
      if (fragment) found.push(...fieldsNamed(fragment.selectionSet, name, info, spread));
    }
  }
  return found;
}

/**
 * The arguments (variables and defaults applied, as graphql-js coerces them) of every field at
 * `path` below the field being resolved, e.g. `['functionalArea', 'geometry']` below a partnership:
 * one entry per selection of it. Lets a resolver read in its own statement what a nested field will
 * ask for. Type conditions of fragments are not checked, so on an abstract type this may name a
 * field that will not run (reading more than needed, never less). Empty when the path does not exist,
 * or when arguments do not coerce (the field's own resolver reports that).
 */
export function argumentsBelow(info: GraphQLResolveInfo, path: readonly string[]): Record<string, unknown>[] {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  let type = getNamedType(info.returnType);
  let field: GraphQLField<unknown, unknown> | undefined;
  for (const name of path) {
    field = isObjectType(type) ? type.getFields()[name] : undefined;
    if (!field) return [];
    nodes = nodes.flatMap((node) => (node.selectionSet ? fieldsNamed(node.selectionSet, name, info, new Set()) : []));
    type = getNamedType(field.type);
  }
  if (!field) return [];
  try {
    return nodes.map((node) => getArgumentValues(field, node, info.variableValues));
  } catch {
    return [];
  }
}

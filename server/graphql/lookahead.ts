import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';
import type { SelectedField } from '../db/json-select.js';

/**
 * What a query selects below the field being resolved, as plain data a service can read in one
 * statement (server/db/json-select.ts). It collects fields as graphql-js does: fragments and inline
 * fragments spread when their type condition applies, `@skip`/`@include` honoured, arguments with
 * their defaults and variables applied. Aliases are dropped (the data is the same under any alias);
 * a field selected twice appears twice and the reader merges it. Meta-fields (`__typename`) need no data.
 */
export function lookahead(info: GraphQLResolveInfo, ...path: string[]): SelectedField[] {
  let fields = collect(info, getNamedType(info.returnType), info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])));
  for (const name of path) fields = fields.filter((f) => f.name === name).flatMap((f) => f.children);
  return fields;
}

function collect(info: GraphQLResolveInfo, type: GraphQLNamedType, sets: readonly SelectionSetNode[]): SelectedField[] {
  const out: SelectedField[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const node of set.selections) {
      if (!included(info, node)) continue;
      if (node.kind === Kind.FIELD) {
        const field = selected(info, type, node);
        if (field) out.push(field);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        if (applies(info, type, node)) visit(node.selectionSet);
      } else {
        const fragment = info.fragments[node.name.value];
        if (fragment && applies(info, type, fragment)) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return out;
}

function selected(info: GraphQLResolveInfo, type: GraphQLNamedType, node: FieldNode): SelectedField | null {
  const name = node.name.value;
  if (name.startsWith('__') || !isObjectType(type)) return null;
  const definition = type.getFields()[name];
  if (!definition) return null;
  const childType = getNamedType(definition.type);
  return {
    name,
    args: getArgumentValues(definition, node, info.variableValues),
    children: node.selectionSet ? collect(info, childType, [node.selectionSet]) : [],
  };
}

function included(info: GraphQLResolveInfo, node: FieldNode | InlineFragmentNode | { directives?: FieldNode['directives'] }): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

/** Whether a fragment's type condition holds for an object of `type` (as graphql-js's `doesFragmentConditionMatch`). */
function applies(info: GraphQLResolveInfo, type: GraphQLNamedType, fragment: InlineFragmentNode | FragmentDefinitionNode): boolean {
  if (!fragment.typeCondition) return true;
  const condition = typeFromAST(info.schema, fragment.typeCondition);
  if (condition === type) return true;
  return condition !== undefined && isAbstractType(condition) && isObjectType(type) && info.schema.isSubType(condition, type);
}

/**
 * The arguments (variables and defaults applied) of every field at `path` below the field being
 * resolved, e.g. `['functionalArea', 'geometry']` below a partnership: one entry per selection of it.
 * Lets a resolver read in its own statement what a nested field will ask for. Empty when the path
 * does not exist, or when arguments do not coerce (the field's own resolver reports that).
 */
export function argumentsBelow(info: GraphQLResolveInfo, path: readonly string[]): Record<string, unknown>[] {
  try {
    let level = lookahead(info);
    let found: SelectedField[] = [];
    for (const name of path) {
      found = level.filter((f) => f.name === name);
      level = found.flatMap((f) => f.children);
    }
    return found.map((f) => f.args);
  } catch {
    return [];
  }
}

import { fragmentsOf } from './limits/fragments.js';
import { GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Bounds of the introspection fields (`__schema`, `__type` and everything below them), which the
 * plain depth limit leaves out: tools send graphql-js's `getIntrospectionQuery()`, 15 fields deep
 * with every option, far past any data query's limit.
 */
export interface IntrospectionLimitOptions {
  /** Deepest nesting below and including a `__schema`/`__type` field (the standard query with every option is 15). */
  maxDepth: number;
  /**
   * Most list fields (`types`, `fields`, `args`, `inputFields`, `interfaces`, `possibleTypes`,
   * `enumValues`, `directives`) on one path below `__schema`/`__type`. Each multiplies the answer by
   * its length; the standard query needs 3 (`types { fields { args } }`), while
   * `__type { fields { type { fields { type { fields … } } } } }` is how introspection is blown up.
   */
  maxLists: number;
  /** Most `__schema`/`__type` fields in one operation, aliases and every fragment spread counted. */
  maxFields: number;
}

export interface DepthLimitOptions {
  /** Deepest field nesting an operation may have (`{ a { b } }` is 2); an introspection field counts 1 here. */
  maxDepth: number;
  /** Limits of the introspection fields (default DEFAULT_INTROSPECTION_LIMITS). */
  introspection?: IntrospectionLimitOptions;
}

/** Fits graphql-js's standard introspection query with every option, and no more. */
export const DEFAULT_INTROSPECTION_LIMITS: IntrospectionLimitOptions = { maxDepth: 15, maxLists: 3, maxFields: 2 };

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
/** The list-valued fields of the introspection types (__Schema, __Type, __Field, __Directive) that hold objects. */
const INTROSPECTION_LISTS = new Set(['types', 'directives', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues']);

/** What the limits measure of one selection set. */
interface Shape {
  /** Field nesting, an introspection field counting 1 (within introspection: every field). */
  depth: number;
  /** Deepest introspection subtree, its `__schema`/`__type` field included. */
  introspectionDepth: number;
  /** Most introspection list fields on one path. */
  lists: number;
  /** `__schema`/`__type` fields, counted once per place they are reached. */
  introspectionFields: number;
}

const EMPTY: Shape = { depth: 0, introspectionDepth: 0, lists: 0, introspectionFields: 0 };

/** The two shapes side by side, as if their selections were one set (a fragment's spread into its parent). */
const merge = (a: Shape, b: Shape): Shape => ({
  depth: Math.max(a.depth, b.depth),
  introspectionDepth: Math.max(a.introspectionDepth, b.introspectionDepth),
  lists: Math.max(a.lists, b.lists),
  introspectionFields: a.introspectionFields + b.introspectionFields,
});

/**
 * Measures every operation of a document, fragments followed where they are spread. A fragment's
 * shape depends on whether it is spread inside introspection, so it is computed once per fragment
 * and side; a cycle (refused by graphql-js's own rule) measures as empty instead of looping.
 */
function shapes(context: ValidationContext): (set: SelectionSetNode) => Shape {
  const fragments = fragmentsOf(context.getDocument());
  const memo = new Map<string, Shape>();
  const ofFragment = (name: string, inside: boolean): Shape => {
    const key = `${inside ? 'i' : 'o'}|${name}`;
    const fragment = fragments.get(name);
    if (!fragment) return EMPTY;
    if (!memo.has(key)) {
      memo.set(key, EMPTY);
      memo.set(key, shapeOf(fragment.selectionSet, inside));
    }
    return memo.get(key)!;
  };
  const shapeOf = (set: SelectionSetNode, inside: boolean): Shape => {
    let shape = EMPTY;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) shape = merge(shape, shapeOf(s.selectionSet, inside));
      else if (s.kind === Kind.FRAGMENT_SPREAD) shape = merge(shape, ofFragment(s.name.value, inside));
      else if (!inside && INTROSPECTION_ROOTS.has(s.name.value)) {
        const below = s.selectionSet ? shapeOf(s.selectionSet, true) : EMPTY;
        shape = merge(shape, { depth: 1, introspectionDepth: 1 + below.depth, lists: below.lists, introspectionFields: 1 });
      } else {
        const below = s.selectionSet ? shapeOf(s.selectionSet, inside) : EMPTY;
        const list = inside && INTROSPECTION_LISTS.has(s.name.value) ? 1 : 0;
        shape = merge(shape, { ...below, depth: 1 + below.depth, lists: list + below.lists });
      }
    }
    return shape;
  };
  return (set) => shapeOf(set, false);
}

const refusal = (message: string, node: OperationDefinitionNode, reason: string, limit: number) =>
  new GraphQLError(message, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason, limit } });

/**
 * Rejects operations nested deeper than `maxDepth` fields (e.g. members → jst → memberships →
 * partnership → members …), which could otherwise make one request load the whole database.
 * Introspection is measured apart, by `introspection` (its depth, its nested lists, how many times it
 * is asked): tools' standard query passes, ever deeper or repeated ones do not.
 * Apollo reports it as GRAPHQL_VALIDATION_FAILED; `extensions.reason` is QUERY_TOO_DEEP, or
 * TOO_MANY_INTROSPECTION_FIELDS for too many `__schema`/`__type` fields.
 */
export function depthLimit(options: DepthLimitOptions | number): ValidationRule {
  const { maxDepth, introspection = DEFAULT_INTROSPECTION_LIMITS } = typeof options === 'number' ? { maxDepth: options } : options;
  return (context: ValidationContext) => {
    const measure = shapes(context);
    return {
      OperationDefinition(node) {
        const shape = measure(node.selectionSet);
        if (shape.depth > maxDepth) {
          context.reportError(refusal(`query is nested ${shape.depth} levels deep; the limit is ${maxDepth}`, node, 'QUERY_TOO_DEEP', maxDepth));
        }
        if (shape.introspectionDepth > introspection.maxDepth) {
          const message = `introspection is nested ${shape.introspectionDepth} levels deep; the limit is ${introspection.maxDepth} (graphql-js's getIntrospectionQuery() fits)`;
          context.reportError(refusal(message, node, 'QUERY_TOO_DEEP', introspection.maxDepth));
        }
        if (shape.lists > introspection.maxLists) {
          const message = `introspection nests ${shape.lists} lists (types, fields, args, …) in one another; the limit is ${introspection.maxLists}`;
          context.reportError(refusal(message, node, 'QUERY_TOO_DEEP', introspection.maxLists));
        }
        if (shape.introspectionFields > introspection.maxFields) {
          const message = `operation asks for __schema or __type ${shape.introspectionFields} times; the limit is ${introspection.maxFields}`;
          context.reportError(refusal(message, node, 'TOO_MANY_INTROSPECTION_FIELDS', introspection.maxFields));
        }
      },
    };
  };
}

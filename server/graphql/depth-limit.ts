import { fragmentMemo, fragmentsOf } from './limits/fragments.js';
import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

export interface DepthLimitOptions {
  /** Deepest field nesting an operation may have (`{ a { b } }` is 2). */
  maxDepth: number;
}

/**
 * Rejects operations nested deeper than `maxDepth` fields (e.g. members → jst → memberships →
 * partnership → members …), which could otherwise make one request load the whole database.
 * Apollo reports it as GRAPHQL_VALIDATION_FAILED; `extensions.reason` is QUERY_TOO_DEEP.
 */
export function depthLimit(options: DepthLimitOptions | number): ValidationRule {
  const maxDepth = typeof options === 'number' ? options : options.maxDepth;
  return (context: ValidationContext) => {
    const fragments = fragmentsOf(context.getDocument());
    // Depth of a selection set relative to its field.
    const perFragment = fragmentMemo();
    const depthOf = (set: SelectionSetNode): number => {
      let depth = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) depth = Math.max(depth, 1 + (s.selectionSet ? depthOf(s.selectionSet) : 0));
        else if (s.kind === Kind.INLINE_FRAGMENT) depth = Math.max(depth, depthOf(s.selectionSet));
        else {
          const name = s.name.value;
          const fragment = fragments.get(name);
          if (!fragment) continue;
          depth = Math.max(depth, perFragment(name, () => depthOf(fragment.selectionSet)));
        }
      }
      return depth;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`query is nested ${depth} levels deep; the limit is ${maxDepth}`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP', limit: maxDepth },
            }),
          );
        }
      },
    };
  };
}

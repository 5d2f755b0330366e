import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

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
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    // Depth of a selection set relative to its field; each fragment computed once (nested spreads stay cheap).
    const perFragment = new Map<string, number>();
    const depthOf = (set: SelectionSetNode): number => {
      let depth = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) depth = Math.max(depth, 1 + (s.selectionSet ? depthOf(s.selectionSet) : 0));
        else if (s.kind === Kind.INLINE_FRAGMENT) depth = Math.max(depth, depthOf(s.selectionSet));
        else {
          const name = s.name.value;
          const fragment = fragments.get(name);
          if (!fragment) continue;
          if (!perFragment.has(name)) {
            perFragment.set(name, 0); // a cycle (reported by graphql-js's own rule) must not loop here
            perFragment.set(name, depthOf(fragment.selectionSet));
          }
          depth = Math.max(depth, perFragment.get(name)!);
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

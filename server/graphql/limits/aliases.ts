import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { fragmentMemo, fragmentsOf } from './fragments.js';

export interface AliasLimitOptions {
  /** Most aliased fields one operation may have, fragments counted where they are spread. */
  maxAliases: number;
}

/**
 * Rejects operations with more than `maxAliases` aliases. Without aliases GraphQL merges repeated
 * fields, so aliases are how one request asks for the same expensive field many times over
 * (`a1: jstFeatures(…) a2: jstFeatures(…) …`). Reason TOO_MANY_ALIASES.
 */
export function aliasLimit({ maxAliases }: AliasLimitOptions): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = fragmentsOf(context.getDocument());
    const perFragment = fragmentMemo();
    const count = (set: SelectionSetNode): number => {
      let n = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.alias) n++;
          if (s.selectionSet) n += count(s.selectionSet);
        } else if (s.kind === Kind.INLINE_FRAGMENT) n += count(s.selectionSet);
        else {
          const name = s.name.value;
          const fragment = fragments.get(name);
          if (!fragment) continue;
          n += perFragment(name, () => count(fragment.selectionSet));
        }
      }
      return n;
    };
    return {
      OperationDefinition(node) {
        const aliases = count(node.selectionSet);
        if (aliases > maxAliases) {
          context.reportError(
            new GraphQLError(`operation uses ${aliases} aliases; the limit is ${maxAliases}`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'TOO_MANY_ALIASES', limit: maxAliases },
            }),
          );
        }
      },
    };
  };
}

import { Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/** The fragment definitions of a document, by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return fragments;
}

/**
 * Computes a figure once per fragment key, so nested spreads cannot make a limit check slow.
 * A fragment cycle (refused by graphql-js's own rule) yields 0 here instead of looping.
 */
export function fragmentMemo(): (key: string, compute: () => number) => number {
  const memo = new Map<string, number>();
  return (key, compute) => {
    if (!memo.has(key)) {
      memo.set(key, 0);
      memo.set(key, compute());
    }
    return memo.get(key)!;
  };
}

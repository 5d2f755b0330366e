/**
 * The example operations of `schema/examples` as GraphiQL tabs: one tab per file, in file-name
 * order, each with the defaults its operation declares for its variables, so it runs as shown.
 */
import { Kind, parse, valueFromASTUntyped, type OperationDefinitionNode } from 'graphql';

/** A tab as GraphiQL's `defaultTabs` takes it. */
export interface ExampleTab {
  query: string;
  /** JSON of the declared variable defaults, or null when the operation declares none. */
  variables: string | null;
}

/**
 * The variables editor's first content: `{ name: default }` for every variable of the document's
 * operations that declares a default. A variable without a default is left for the user to fill
 * in; a document that does not parse gets no variables (GraphiQL shows its syntax error).
 */
export function defaultVariables(query: string): Record<string, unknown> | null {
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch {
    return null;
  }
  const values: Record<string, unknown> = {};
  for (const operation of operations) {
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue) values[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  return Object.keys(values).length > 0 ? values : null;
}

/** The tabs for `files` (path → text, as Vite's glob import gives them), sorted by path. */
export function exampleTabs(files: Record<string, string>): ExampleTab[] {
  return Object.keys(files)
    .sort()
    .map((path) => {
      const query = files[path]!;
      const variables = defaultVariables(query);
      return { query, variables: variables ? JSON.stringify(variables, null, 2) : null };
    });
}

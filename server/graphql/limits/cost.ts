import type { ApolloServerPlugin } from '@apollo/server';
import { fragmentMemo, fragmentsOf } from './fragments.js';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface CostLimitOptions {
  /** Largest estimated cost an operation may have. */
  maxCost: number;
  /** Items assumed for a list, or a connection page, without `first`/`last`: the default page size. */
  defaultListSize: number;
  /**
   * Items assumed for unpaged lists of these item types, which stay small however the atlas grows
   * (e.g. `{ Source: 10 }`: a record cites a few sources). Lists of other types count `defaultListSize`.
   */
  listSizes?: Readonly<Record<string, number>>;
}

const PAGE_ARGS = new Set(['first', 'last']);

/**
 * The page size a field asks for with `first` or `last`: a literal, a variable's value (or its
 * default), or the argument's default in the schema; undefined when the field takes neither.
 */
function pageSize(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  variables: Readonly<Record<string, unknown>>,
  defaults: Readonly<Record<string, unknown>>,
  fallback: number,
): number | undefined {
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  for (const arg of field.arguments ?? []) {
    if (!PAGE_ARGS.has(arg.name.value)) continue;
    const value = arg.value;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) return number(variables[value.name.value] ?? defaults[value.name.value]);
    return fallback;
  }
  const declared = definition?.args.find((a) => PAGE_ARGS.has(a.name));
  return declared ? number(declared.defaultValue) : undefined;
}

/**
 * Estimates what an operation will cost before it runs: every field costs 1, and the fields under
 * a list are counted once per item: `first`/`last` items for a connection's `edges` (or a list
 * field that takes `first`), `defaultListSize` for a connection without `first` and for every
 * other list, unless `listSizes` names its item type. `{ partnerships(first: 200) { edges { node { members { jst { teryt name } } } } } }`
 * is 1 + (1 + 200 × (1 + (1 + 50 × (1 + 2)))) = 30,402. Introspection fields count 1 each.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  options: Pick<CostLimitOptions, 'defaultListSize' | 'listSizes'>,
): number {
  const fragments = fragmentsOf(document);
  const defaults: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue?.kind === Kind.INT) defaults[v.variable.name.value] = Number(v.defaultValue.value);
  }
  // A fragment's cost depends only on the page size it is spread under: computed once per pair.
  const perFragment = fragmentMemo();

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType | undefined | null, page: number | undefined): number => {
    let cost = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) {
        cost += costOf(s.selectionSet, s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent, page);
        continue;
      }
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        if (!fragment) continue;
        cost += perFragment(`${s.name.value}|${page ?? ''}`, () => costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), page));
        continue;
      }
      if (s.name.value.startsWith('__')) {
        cost += 1; // __typename, __schema, __type: answered from the schema, no database work
        continue;
      }
      const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[s.name.value] : undefined;
      const isList = definition ? isListType(getNullableType(definition.type)) : false;
      const asked = pageSize(s, definition, variables, defaults, options.defaultListSize);
      let multiplier = 1;
      let childPage: number | undefined;
      if (isList) multiplier = asked ?? page ?? options.listSizes?.[getNamedType(definition!.type).name] ?? options.defaultListSize;
      else if (asked !== undefined) childPage = asked; // a connection: its `edges` carry the page
      else if (definition && /Connection$/.test(getNamedType(definition.type).name)) childPage = options.defaultListSize;
      const children = s.selectionSet ? costOf(s.selectionSet, definition ? getNamedType(definition.type) : undefined, childPage) : 0;
      cost += 1 + Math.max(0, multiplier) * children;
    }
    return cost;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return costOf(operation.selectionSet, root, undefined);
}

/**
 * Refuses, before execution, an operation whose estimated cost is over `maxCost`. It runs once the
 * operation and its variables are known (a `first: $n` is counted as the `n` sent), and answers as
 * a validation failure: 400, GRAPHQL_VALIDATION_FAILED, reason QUERY_TOO_COSTLY, with the cost.
 */
export function costLimitPlugin<TContext extends object>(options: CostLimitOptions): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, options);
          if (cost > options.maxCost) {
            throw new GraphQLError(`query costs an estimated ${cost} points; the limit is ${options.maxCost} (each field 1, times the items of each list above it: ask for smaller pages or fewer nested lists)`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', cost, limit: options.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

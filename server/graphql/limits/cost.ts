import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GateBusyError, type HeavyGate } from './heavy-gate.js';
import { fragmentMemo, fragmentsOf } from './fragments.js';
import {
  getArgumentValues,
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
  getVariableValues,
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
  /**
   * Points of particular fields ("Type.field") from their arguments, in place of the 1 every other
   * field costs: geometry fields cost the bytes they will send (GEOMETRY_FIELD_COSTS).
   */
  fieldCosts?: Readonly<Record<string, (args: Readonly<Record<string, unknown>>) => number>>;
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
  fallback: number,
): number | undefined {
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  for (const arg of field.arguments ?? []) {
    if (!PAGE_ARGS.has(arg.name.value)) continue;
    const value = arg.value;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.VARIABLE) return number(variables[value.name.value]);
    return fallback;
  }
  const declared = definition?.args.find((a) => PAGE_ARGS.has(a.name));
  return declared ? number(declared.defaultValue) : undefined;
}

/** A field's own points: 1, or what `fieldCosts` says for its arguments (unreadable arguments count as not given). */
function ownCost(
  field: FieldNode,
  parent: GraphQLNamedType | undefined | null,
  definition: GraphQLField<unknown, unknown> | undefined,
  variables: Readonly<Record<string, unknown>>,
  fieldCosts: CostLimitOptions['fieldCosts'],
  plain: number,
): number {
  const price = parent && definition ? fieldCosts?.[`${parent.name}.${definition.name}`] : undefined;
  if (!price) return plain;
  let args: Record<string, unknown> = {};
  try {
    args = getArgumentValues(definition!, field, variables);
  } catch {
    // a bad argument fails validation or the resolver anyway; price the field at its defaults
  }
  return price(args);
}

/**
 * The operation's variables as the resolvers will see them (sent values coerced, defaults filled in);
 * the values as sent when they do not coerce (the operation then fails before it runs).
 */
function coercedVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  return result.coerced ?? { ...variables };
}

/**
 * Estimates what an operation will cost before it runs: every field costs 1, and the fields under
 * a list are counted once per item (a geometry field costs the bytes it will send, `fieldCosts`): `first`/`last` items for a connection's `edges` (or a list
 * field that takes `first`), `defaultListSize` for a connection without `first` and for every
 * other list, unless `listSizes` names its item type. `{ partnerships(first: 200) { edges { node { members { jst { teryt name } } } } } }`
 * is 1 + (1 + 200 × (1 + (1 + 50 × (1 + 2)))) = 30,402. Introspection fields count 1 each.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  options: Pick<CostLimitOptions, 'defaultListSize' | 'listSizes' | 'fieldCosts'>,
  /** What a field without a `fieldCosts` entry costs: 1; 0 counts only the priced (geometry) fields, see operationWeight. */
  plain = 1,
): number {
  const fragments = fragmentsOf(document);
  const values = coercedVariables(schema, operation, variables);
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
        cost += plain; // __typename, __schema, __type: answered from the schema, no database work
        continue;
      }
      const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[s.name.value] : undefined;
      const isList = definition ? isListType(getNullableType(definition.type)) : false;
      const asked = pageSize(s, definition, values, options.defaultListSize);
      let multiplier = 1;
      let childPage: number | undefined;
      if (isList) multiplier = asked ?? page ?? options.listSizes?.[getNamedType(definition!.type).name] ?? options.defaultListSize;
      else if (asked !== undefined) childPage = asked; // a connection: its `edges` carry the page
      else if (definition && /Connection$/.test(getNamedType(definition.type).name)) childPage = options.defaultListSize;
      const children = s.selectionSet ? costOf(s.selectionSet, definition ? getNamedType(definition.type) : undefined, childPage) : 0;
      cost += ownCost(s, parent, definition, values, options.fieldCosts, plain) + Math.max(0, multiplier) * children;
    }
    return cost;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return costOf(operation.selectionSet, root, undefined);
}

/**
 * The points of an operation's priced fields alone (its geometry, times the lists above it): what
 * makes it heavy to build and send. Plain fields are left out: a page of 50 partnerships with their
 * members is many fields but a few kilobytes.
 */
export function operationWeight(...args: Parameters<typeof operationCost>): number {
  const [schema, document, operation, variables, options] = args;
  return operationCost(schema, document, operation, variables, options, 0);
}

/** Estimates of one operation with one set of variables (filled in as they are computed). */
interface Estimate {
  cost?: number;
  weight?: number;
}

/** Variable sets remembered per operation: a client that varies its variables (a point per map click) cannot grow the memo past this. */
const VARIABLE_SETS_PER_OPERATION = 256;

/** Longest variables (as JSON, in characters) remembered: bigger ones (an import's worth of input) are estimated each time, so the memo stays under a few MB. */
const MEMO_KEY_CHARS = 2048;

/**
 * Estimates kept per parsed operation and variables as sent: they depend on nothing else (one plugin
 * has one schema and one set of options). Apollo's document store hands every request with the same
 * query text the same operation node, so a repeated request is estimated once, and a document
 * dropped from that store is dropped here too (WeakMap).
 */
function estimateMemo(): (operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>) => Estimate {
  const byOperation = new WeakMap<OperationDefinitionNode, Map<string, Estimate>>();
  return (operation, variables) => {
    const key = JSON.stringify(variables);
    if (key.length > MEMO_KEY_CHARS) return {};
    let byVariables = byOperation.get(operation);
    if (!byVariables) byOperation.set(operation, (byVariables = new Map()));
    let estimate = byVariables.get(key);
    if (!estimate) {
      if (byVariables.size >= VARIABLE_SETS_PER_OPERATION) byVariables.clear();
      byVariables.set(key, (estimate = {}));
    }
    return estimate;
  };
}

/** Operations whose geometry weighs at least `threshold` points pass through `gate`, a few at a time. */
export interface HeavyOptions {
  threshold: number;
  gate: HeavyGate;
}

/** The refusal of an operation that could not get a turn at the heavy gate: 503 with Retry-After. */
function busyError(error: GateBusyError, weight: number, operation: OperationDefinitionNode): GraphQLError {
  const retry = String(error.retryAfterSeconds);
  return new GraphQLError(`server busy: ${error.message} (this query's geometry costs an estimated ${weight} points, which makes it heavy); retry after ${retry} s, or ask for less (a smaller area, more simplify, fewer decimals)`, {
    nodes: [operation],
    extensions: { code: 'SERVER_BUSY', reason: error.reason, weight, retryAfterSeconds: error.retryAfterSeconds, http: { status: 503, headers: new HeaderMap([['retry-after', retry]]) } },
  });
}

/**
 * Refuses, before execution, an operation whose estimated cost is over `maxCost`. It runs once the
 * operation and its variables are known (a `first: $n` is counted as the `n` sent), and answers as
 * a validation failure: 400, GRAPHQL_VALIDATION_FAILED, reason QUERY_TOO_COSTLY, with the cost.
 * With `heavy`, an operation whose geometry weighs `heavy.threshold` points or more then waits for a turn at the gate
 * (SERVER_BUSY, 503 with Retry-After, when none comes) and gives it back once its answer is ready.
 */
export function costLimitPlugin<TContext extends object>(options: CostLimitOptions, heavy?: HeavyOptions): ApolloServerPlugin<TContext> {
  const estimates = estimateMemo();
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const estimate = estimates(operation, variables);
          const cost = (estimate.cost ??= operationCost(schema, document, operation, variables, options));
          if (cost > options.maxCost) {
            throw new GraphQLError(`query costs an estimated ${cost} points; the limit is ${options.maxCost} (each field 1, a geometry 1 per 100 bytes it returns, times the items of each list above it: ask for smaller pages, fewer nested lists, more simplify or fewer decimals)`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_COSTLY', cost, limit: options.maxCost, http: { status: 400 } },
            });
          }
          if (!heavy) return;
          const weight = (estimate.weight ??= operationWeight(schema, document, operation, variables, options));
          if (weight < heavy.threshold) return;
          try {
            release = await heavy.gate.enter();
          } catch (error) {
            if (error instanceof GateBusyError) throw busyError(error, weight, operation);
            throw error;
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}

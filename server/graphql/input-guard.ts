import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import { hasControlCharacters } from '../input/text.js';

/** Control characters no text of the atlas holds: NUL and the other C0 controls except tab, LF, CR (multi-line text takes those); DEL. */
const hasControl = (text: string) => hasControlCharacters(text, true);

/**
 * The API has queries and mutations only. graphql-js would fail a `subscription` at execution
 * with an uncoded error (an INTERNAL_SERVER_ERROR to the client); refusing it while validating
 * makes it the client's error: 400, GRAPHQL_VALIDATION_FAILED, reason SUBSCRIPTIONS_NOT_SUPPORTED.
 */
export function noSubscriptions(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation !== 'subscription') return;
      context.reportError(
        new GraphQLError('subscriptions are not supported: send a query or a mutation', {
          nodes: [node],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'SUBSCRIPTIONS_NOT_SUPPORTED' },
        }),
      );
    },
  };
}


/** The path of the first string inside `value` that holds a control character, or undefined. */
function controlPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return hasControl(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = controlPath(child, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Verdicts of literalControlPath per parsed document (null: clean). Apollo's document store hands
 * every request with the same query text the same DocumentNode, so a repeated query is walked once;
 * a document dropped from that store is dropped here too.
 */
const literalVerdicts = new WeakMap<DocumentNode, string | null>();

/** literalControlPath, walked once per parsed document. */
function cachedLiteralControlPath(document: DocumentNode): string | undefined {
  let verdict = literalVerdicts.get(document);
  if (verdict === undefined) literalVerdicts.set(document, (verdict = literalControlPath(document) ?? null));
  return verdict ?? undefined;
}

/** The argument (and input field) path of the first string literal in the document that holds a control character. */
function literalControlPath(document: DocumentNode): string | undefined {
  let found: string | undefined;
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      if (!found && hasControl(node.value)) found = names.join('.') || 'query';
    },
  });
  return found;
}

/**
 * A safety net under the input layer's parsers, for every string argument and variable at once:
 * NUL and other control characters are refused before any resolver runs (PostgreSQL cannot store
 * NUL in text and would fail the statement). Single-line fields refuse line breaks in their own parsers.
 */
export function controlCharacterPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const field = cachedLiteralControlPath(document) ?? controlPath(request.variables ?? {}, '$')?.replace(/^\$\./, '$');
          if (!field) return;
          throw new GraphQLError(`${field}: must not contain control characters (NUL, escape, …)`, {
            extensions: { code: 'BAD_USER_INPUT', field, reason: 'CONTROL_CHARACTER', http: { status: 400 } },
          });
        },
      };
    },
  };
}

/**
 * The one error body of every non-2xx answer, GraphQL's own shape, so a client reads every failure
 * the same way: `{ "errors": [{ "message", "extensions": { "code", "field"?, "reason"?, … } }] }`.
 * Codes and reasons: docs/errors.md.
 */
export interface ErrorBody {
  errors: { message: string; extensions: { code: string } & Record<string, unknown> }[];
}

export function errorBody(code: string, message: string, extensions: Record<string, unknown> = {}): ErrorBody {
  return { errors: [{ message, extensions: { ...extensions, code } }] };
}

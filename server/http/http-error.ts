/** A request refused by the HTTP layer: answered with `status` and `{ errors: [{ message, extensions: { code, … } }] }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More for the client, e.g. `reason`, `retryAfterSeconds`. */
    readonly extensions: Record<string, unknown> = {},
    /** Headers the refusal carries, e.g. `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

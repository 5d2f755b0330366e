/**
 * Domain errors, free of any transport: the GraphQL layer maps them to error codes
 * (`InputError` → BAD_USER_INPUT, `NotFoundError` → NOT_FOUND).
 */

/** The caller sent a value that breaks a rule; `field` names the argument or input field. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'InputError';
  }
}

/** A well-formed key that names nothing (a TERYT code or slug not in the atlas). */
export class NotFoundError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'NotFoundError';
  }
}

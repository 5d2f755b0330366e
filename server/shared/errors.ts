/**
 * Domain errors, free of any transport: each carries the code clients switch on, and the
 * GraphQL layer turns it into `extensions.code` (plus `field` and any details).
 */
export abstract class DomainError extends Error {
  abstract readonly code: 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT';
  /** Extra facts for the client, e.g. the current version on a conflict. */
  readonly details: Record<string, unknown> = {};
}

/**
 * The caller sent a value that breaks a rule; `field` names the argument or input field, `reason`
 * (docs/errors.md) says which kind of rule: MALFORMED, EMPTY, CONTROL_CHARACTER, UNKNOWN_KEY, …
 */
export class InputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    readonly rule: string,
    reason?: string,
  ) {
    super(`${field}: ${rule}`);
    this.name = 'InputError';
    if (reason) this.details.reason = reason;
  }
}

/** A well-formed key that names nothing (a TERYT code or slug not in the atlas): bad input too. */
export class NotFoundError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'NotFoundError';
    this.details.reason = 'NOT_FOUND';
  }
}

/** Writing needs a valid token, and none (or a revoked or unknown one) was sent. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'writing needs an API token: send "Authorization: Bearer <token>"') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** The token is valid but its role or region does not allow this change. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The record changed since the caller read it: the caller must re-read and retry. */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(
    readonly entity: string,
    readonly key: string,
    readonly currentVersion: number,
    sentVersion: number,
  ) {
    super(`${entity} ${key} is at version ${currentVersion}, not ${sentVersion}: re-read it and apply your change again`);
    this.name = 'ConflictError';
    this.details.currentVersion = currentVersion;
  }
}

/** The `extensions` of a domain error in every answer, GraphQL or HTTP: code, the field if any, and its details (reason, …). */
export function errorExtensions(error: DomainError): Record<string, unknown> {
  return { code: error.code, ...('field' in error ? { field: error.field } : {}), ...error.details };
}

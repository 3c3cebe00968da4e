/**
 * Domain errors: what the services, repositories and areas throw when a request cannot be done, in their own
 * terms. Only the HTTP edge (http/errors.ts `handleError`) turns them into a status and the contract's
 * ApiErrorBody `{error:{code,message,details}}`; `code` defaults to the kind's usual one.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict';

  constructor(
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is wrong (400). */
export class ValidationError extends DomainError {
  readonly kind = 'validation';
  constructor(message: string, details?: unknown, code = 'bad_request') {
    super(message, code, details);
  }
}

/** Nobody (valid) is signed in (401). */
export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized';
  constructor(message = 'Sign in first', code = 'unauthorized') {
    super(message, code);
  }
}

/** Signed in, but not allowed to do this (403). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  constructor(message = 'Not allowed', code = 'forbidden') {
    super(message, code);
  }
}

/** `what` does not exist, or is not the caller's to see (404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(what = 'Resource') {
    super(`${what} not found`, 'not_found');
  }
}

/** The current state does not allow it (409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(message: string, details?: unknown, code = 'conflict') {
    super(message, code, details);
  }
}

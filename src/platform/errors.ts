/**
 * The one error contract. Code branches on `code`, never on the message; the message is
 * written for the person who will read it and says what to do.
 */
export const errorCatalogue = {
  bad_request: 400,
  validation_failed: 400,
  invalid_body: 400,
  /** A NUL character in the path, query or body: no text may contain one. */
  nul_character: 400,
  /** Markdown or HTML nested deeper than a body can hold (quotes in quotes in quotes…). */
  body_too_deep: 400,
  /** Markdown or HTML that could not be converted within the time allowed. */
  body_too_complex: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  /** A contributor's change to a post that is live or scheduled: suggest a correction instead. */
  post_read_only: 403,
  /** A browser write to the Admin API sent from another site. */
  cross_site: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  gone: 410,
  /** A post in the bin: restore it before opening or changing it. */
  post_in_bin: 410,
  /** A one-time link (password reset, invitation) that was already used. */
  token_used: 410,
  /** A one-time link past its time limit. */
  token_expired: 410,
  conflict: 409,
  slug_taken: 409,
  edit_conflict: 409,
  /** A media item that published or draft content still shows. */
  media_in_use: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rate_limited: 429,
  /** A payment provider's webhook whose signature is missing or does not verify. */
  webhook_signature: 400,
  /** The payment provider refused or could not be reached; nothing was charged. */
  payment_provider: 502,
  internal: 500,
  unavailable: 503,
  /** Another writer holds the database for now; the answer carries Retry-After. */
  database_busy: 503,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

/** One problem with one input field, e.g. `{ field: 'title', message: 'is required' }`. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.status = errorCatalogue[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found.`);
}

export function forbidden(message: string): AppError {
  return new AppError('forbidden', message);
}

export function invalid(fields: readonly FieldProblem[]): AppError {
  const names = fields.map((problem) => problem.field).join(', ');
  return new AppError('validation_failed', `Please check these fields: ${names}.`, fields);
}

/** Compile-time exhaustiveness check for tagged unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** The closed list of error codes the API answers with, and the HTTP status of each. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one error type of Verity: a code from ERROR_STATUS, a message for people, details for programs. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', message, details);
export const forbidden = (message = 'you are not allowed to do this') => new AppError('forbidden', message);

/** Translates a database error by its SQLSTATE; returns null when it is not one we can explain. */
export function fromDatabaseError(error: unknown): AppError | null {
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  const constraint = typeof e.constraint === 'string' ? e.constraint : undefined;
  switch (e.code) {
    case '23505':
      return new AppError('conflict', 'a record with the same unique value already exists', { constraint });
    case '23503':
      return new AppError('bad_request', 'a referenced record does not exist', { constraint });
    case '23514':
      return new AppError('bad_request', 'a value is outside its allowed range', { constraint });
    case '23502':
      return new AppError('bad_request', 'a required value is missing', { constraint });
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new AppError('bad_request', 'a value has the wrong format');
    case '57014':
      return new AppError('unavailable', 'the query took too long');
    default:
      return null;
  }
}

/** Error codes every host returns; the UI maps them to what the candidate sees. */
export const ERROR_CODES = [
  'VALIDATION_ERROR',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'MIGRATION_FAILED',
  'STORAGE_ERROR',
  'UNAVAILABLE',
  'INTERNAL_ERROR',
  /** The data is encrypted and not unlocked yet. */
  'LOCKED',
  /** A passphrase was wrong (or unlocking is paused after too many wrong ones). */
  'WRONG_PASSPHRASE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export interface ValidationDetails {
  field: string;
  reason: string;
}

/** Thrown by services for anything the candidate can act on; crosses hosts as an ErrorPayload. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** What hosts send back for every request: the value, or an error without a stack. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  );
}

/** Renderer-side error carrying the payload's code and details. */
export class RehearseError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'RehearseError';
    this.code = payload.code;
    this.details = payload.details;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new RehearseError(result.error);
}

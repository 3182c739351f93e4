export const APP_ERROR_CODES = {
  /** A setting in the environment or waymark.yaml is invalid. */
  CONFIG_INVALID: 'CONFIG_INVALID',
  /** Input (a file, a request body, CLI arguments) failed validation; `details` lists every problem. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** The embedded database is held by another process. */
  DATABASE_BUSY: 'DATABASE_BUSY',
  /** A request body exceeds the configured size limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A token is missing, unknown or revoked. */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** The caller is known but may not do this (role, scope, another team's service, a cross-site request). */
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  /** A service Waymark depends on (the identity provider) did not answer. */
  UNAVAILABLE: 'UNAVAILABLE',
  /** A command was called wrongly (unknown flag, missing argument). */
  USAGE: 'USAGE',
} as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[keyof typeof APP_ERROR_CODES];

/** The one error type Waymark throws on purpose; anything else is a bug or an outage. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: readonly string[];

  constructor(code: AppErrorCode, message: string, options: { details?: readonly string[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? [];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/**
 * The message worth showing for an unexpected error. Drivers wrap database errors ("Failed query: <sql>")
 * with the real reason in `cause`; the innermost message is the one a person can act on.
 */
export const describeError = (error: unknown): string => {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = (current as { cause?: unknown } | null)?.cause;
    if (!(cause instanceof Error)) break;
    current = cause;
  }
  return current instanceof Error ? current.message : String(current);
};

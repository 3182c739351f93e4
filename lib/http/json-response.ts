import { isAppError } from '../errors';
import { log } from '../observability/log';

const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION_FAILED: 400,
  USAGE: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  DATABASE_BUSY: 503,
  CONFIG_INVALID: 500,
};

export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

/** Turns a thrown error into a JSON answer; unexpected errors are logged and answered without internals. */
export const errorResponse = (error: unknown) => {
  if (isAppError(error)) {
    return jsonResponse({ error: error.message, code: error.code, details: error.details }, STATUS_BY_CODE[error.code] ?? 400);
  }
  log.error('request failed', { error });
  return jsonResponse({ error: 'Internal error', code: 'INTERNAL' }, 500);
};

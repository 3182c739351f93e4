import { AppError } from '../errors';
import { fingerprintPageQuery } from './fingerprint-page-query';

const invalid = (why: string) => new AppError('VALIDATION_FAILED', 'Invalid cursor', { details: [`cursor: ${why}; start again without it`] });

/** The offset a cursor points at; a cursor that is malformed or was issued for other filters is a 400. */
export const decodePageCursor = (cursor: string, query: Record<string, string>): number => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const { o, q } = (decoded ?? {}) as { o?: unknown; q?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof q !== 'string') throw invalid('not a cursor this API issued');
  if (q !== fingerprintPageQuery(query)) throw invalid('issued for other filters');
  return o;
};

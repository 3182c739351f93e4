import { createHash } from 'node:crypto';
import { AppError } from '../errors';

// A cursor is opaque to clients: the offset of the next page, bound to the query it was issued for (the filters
// without cursor and limit), so a cursor reused with other filters is refused rather than answering a wrong page.
const fingerprint = (query: Record<string, string>) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b))))
    .digest('base64url')
    .slice(0, 12);

/** The cursor of the page starting at `offset` of the list this query selects. */
export const encodePageCursor = (offset: number, query: Record<string, string>) => Buffer.from(JSON.stringify({ o: offset, q: fingerprint(query) })).toString('base64url');

/** The offset a cursor points at; a cursor that is malformed or was issued for other filters is a 400. */
export const decodePageCursor = (cursor: string, query: Record<string, string>): number => {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  const { o, q } = (decoded ?? {}) as { o?: unknown; q?: unknown };
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof q !== 'string') {
    throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { details: ['cursor: not a cursor this API issued; start again without it'] });
  }
  if (q !== fingerprint(query)) throw new AppError('VALIDATION_FAILED', 'Invalid cursor', { details: ['cursor: issued for other filters; start again without it'] });
  return o;
};

import { createHash } from 'node:crypto';

/**
 * What a cursor is bound to: the query's filters (without cursor and limit), so a cursor reused with other filters
 * is refused rather than answering a wrong page.
 */
export const fingerprintPageQuery = (query: Record<string, string>) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b))))
    .digest('base64url')
    .slice(0, 12);

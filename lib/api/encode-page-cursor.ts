import { fingerprintPageQuery } from './fingerprint-page-query';

/** The opaque cursor of the page starting at `offset` of the list this query selects (decodePageCursor reads it). */
export const encodePageCursor = (offset: number, query: Record<string, string>) =>
  Buffer.from(JSON.stringify({ o: offset, q: fingerprintPageQuery(query) })).toString('base64url');

import type { VerifiedToken } from '../auth/verify-api-token';
import { getConfig } from '../config/load-config';
import { getDb, type Db } from '../db/client';
import { withSpan } from '../observability/trace';
import { errorResponse, jsonResponse } from './json-response';
import { readBody } from './read-body';
import { requireWriteToken } from './require-token';

export type WriteContext = {
  db: Db;
  /** Who is writing: the token's name goes into audit records. */
  caller: VerifiedToken;
  /** The request body as text, refused with 413 past server.maxBodyBytes. */
  readBody: () => Promise<string>;
};

/**
 * What every token-authenticated write endpoint does around its one lib call: a span, 401 without a valid token
 * (before the body is read, so nothing is stored), the size-limited body, and errors as JSON.
 */
export const handleWriteRequest = (request: Request, name: string, answer: (context: WriteContext) => Promise<unknown>, { status = 200 }: { status?: number } = {}) =>
  withSpan(`http ${request.method} ${name}`, {}, async () => {
    try {
      const db = await getDb();
      const caller = await requireWriteToken(db, request);
      if (caller instanceof Response) return caller;
      const result = await answer({ db, caller, readBody: () => readBody(request, getConfig().server.maxBodyBytes) });
      return result instanceof Response ? result : jsonResponse(result, status);
    } catch (error) {
      return errorResponse(error);
    }
  });

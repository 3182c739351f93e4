import { getDb, type Db } from '../db/client';
import { withSpan } from '../observability/trace';
import { errorResponse, jsonResponse } from './json-response';
import { requireReadAccess } from './require-token';

/**
 * What every read endpoint does around its one lib call: a span, the read policy (a token when
 * server.requireReadToken is on), and errors as JSON. The answer is sent as JSON unless it is already a Response.
 */
export const handleReadRequest = (request: Request, name: string, answer: (db: Db, query: URLSearchParams) => Promise<unknown>) =>
  withSpan(`http GET ${name}`, {}, async () => {
    try {
      const db = await getDb();
      const denied = await requireReadAccess(db, request);
      if (denied) return denied;
      const result = await answer(db, new URL(request.url).searchParams);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      return errorResponse(error);
    }
  });

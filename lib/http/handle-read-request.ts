import type { Principal, Role } from '../auth/roles';
import { getConfig } from '../config/load-config';
import { getDb, type Db } from '../db/client';
import { withSpan } from '../observability/trace';
import { authorizeRead } from './authorize-request';
import { errorResponse, jsonResponse } from './json-response';

/**
 * What every read endpoint does around its one lib call: a span, the read policy (authorizeRead, with the role the
 * endpoint needs: viewer unless said otherwise), and errors as JSON. The answer is sent as JSON unless it is
 * already a Response.
 */
export const handleReadRequest = (
  request: Request,
  name: string,
  answer: (db: Db, query: URLSearchParams, principal: Principal) => Promise<unknown>,
  { role = 'viewer' }: { role?: Role } = {},
) =>
  withSpan(`http GET ${name}`, {}, async () => {
    try {
      const db = await getDb();
      const principal = await authorizeRead(db, getConfig(), request, role);
      if (principal instanceof Response) return principal;
      const result = await answer(db, new URL(request.url).searchParams, principal);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (error) {
      return errorResponse(error);
    }
  });

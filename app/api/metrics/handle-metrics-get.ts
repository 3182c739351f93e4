import { getDb, type Db } from '@/lib/db/client';
import { errorResponse, jsonResponse } from '@/lib/http/json-response';
import { requireReadAccess } from '@/lib/http/require-token';
import { parseMetricsQuery, type MetricsQuery, type MetricsQueryKey } from '@/lib/metrics/parse-metrics-query';
import { withSpan } from '@/lib/observability/trace';

/**
 * What every metrics endpoint does around its one lib call: read policy, query parsing (400 naming each bad key),
 * errors as JSON, a span.
 */
export const handleMetricsGet = (request: Request, name: string, allowed: MetricsQueryKey[], answer: (db: Db, query: MetricsQuery) => Promise<unknown>) =>
  withSpan(`http GET ${name}`, {}, async () => {
    try {
      const db = await getDb();
      const denied = await requireReadAccess(db, request);
      if (denied) return denied;
      const query = parseMetricsQuery(Object.fromEntries(new URL(request.url).searchParams), allowed);
      return jsonResponse(await answer(db, query));
    } catch (error) {
      return errorResponse(error);
    }
  });

import type { Db } from '@/lib/db/client';
import { handleReadRequest } from '@/lib/http/handle-read-request';
import { parseMetricsQuery, type MetricsQuery, type MetricsQueryKey } from '@/lib/metrics/parse-metrics-query';

/** A metrics read endpoint: the query parsed (400 naming each bad key) before its one lib call. */
export const handleMetricsGet = (request: Request, name: string, allowed: MetricsQueryKey[], answer: (db: Db, query: MetricsQuery) => Promise<unknown>) =>
  handleReadRequest(request, name, (db, query) => answer(db, parseMetricsQuery(Object.fromEntries(query), allowed)));

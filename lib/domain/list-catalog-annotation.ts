import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

/**
 * Which service's catalog-info.yaml carries an annotation, by its value: `pagerduty.com/service-id: PABC123` gives
 * PABC123 → the service. Read from the catalog entity a service row keeps (git source) and from each service's
 * latest catalog fact (GitHub, events-v1), so every source that reads catalog-info.yaml is heard. A value two services
 * claim maps to neither (it is ambiguous, and guessing would misplace incidents): the result lists it in `ambiguous`.
 */
export const listCatalogAnnotation = async (db: Executor, annotation: string) => {
  const rows = await queryRows<{ service: string; value: string }>(
    db,
    sql`
      with latest as (
        select distinct on (service) service, data
        from facts where kind = 'catalog' and status = 'ok'
        order by service, collected_at desc
      )
      select service::text, value::text from (
        select name as service, catalog->'metadata'->'annotations'->>${annotation} as value from services
        union
        select service, data->'metadata'->'annotations'->>${annotation} as value from latest
      ) claimed
      where value is not null and value <> ''
      order by service`,
  );
  const byValue = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const value of row.value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      byValue.set(value, (byValue.get(value) ?? new Set()).add(row.service));
    }
  }
  const mapped = new Map<string, string>();
  const ambiguous = new Map<string, string[]>();
  for (const [value, services] of byValue) {
    if (services.size === 1) mapped.set(value, [...services][0]!);
    else ambiguous.set(value, [...services].sort());
  }
  return { mapped, ambiguous };
};

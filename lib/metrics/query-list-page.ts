import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { runMetricsQuery } from './run-metrics-query';
import { buildDoraCtes, type DoraCteOptions } from './build-dora-ctes';

export type ListQuery = {
  ctes: Omit<DoraCteOptions, 'groupBy'>;
  /** A query over the CTEs giving the rows to list, as `selected`. */
  selected: SQL;
  /** The output columns over `selected` (aliased `s`), with any joins after it. */
  columns: SQL;
  from: SQL;
  orderBy: SQL;
  limit: number;
  offset: number;
};

/** One page of a drill-down and the total it is a page of, in one statement (the total survives an empty page). */
export const queryListPage = async <T extends { id: string | null }>(db: Executor, query: ListQuery) => {
  const rows = await runMetricsQuery<T & { total: number }>(
    db,
    sql`${buildDoraCtes({ ...query.ctes, groupBy: 'scope' })},
selected as (${query.selected})
select t.total, p.*
from (select count(*)::int as total from selected) t
left join lateral (
  select ${query.columns}
  from selected s ${query.from}
  order by ${query.orderBy}
  limit ${query.limit} offset ${query.offset}
) p on true`,
  );
  return { total: rows[0]?.total ?? 0, rows: rows.filter((row) => row.id !== null).map(({ total: _total, ...row }) => row as unknown as T) };
};

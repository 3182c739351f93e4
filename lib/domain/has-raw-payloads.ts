import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

/** Whether a source has stored anything yet: a source's first import has nothing to compare against. */
export const hasRawPayloads = async (db: Executor, source: string) => {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from raw_payloads where source = ${source}) as found`,
  );
  return row?.found === true;
};

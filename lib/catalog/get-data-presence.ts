import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type DataPresence = { hasServices: boolean; hasDeployments: boolean; hasIncidents: boolean };

/**
 * Whether there is any data at all, so a page can tell a new install (explain how to connect a source) from a
 * filter that matched nothing. `exists` stops at the first row: cheap on any size of database.
 */
export const getDataPresence = async ({ db }: { db: Executor }): Promise<DataPresence> => {
  const [row] = await queryRows<DataPresence>(
    db,
    sql`select exists (select 1 from services) as "hasServices",
               exists (select 1 from deployments) as "hasDeployments",
               exists (select 1 from incidents) as "hasIncidents"`,
  );
  return row!;
};

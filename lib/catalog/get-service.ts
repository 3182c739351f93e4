import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type ServiceDetails = {
  name: string;
  team: string | null;
  lifecycle: string | null;
  tier: string | null;
  repository: string | null;
  tags: string[];
  source: string;
};

/** One service as the catalog knows it, or null when no source has reported it (the page answers 404). */
export const getService = async ({ db, name }: { db: Executor; name: string }): Promise<ServiceDetails | null> => {
  const [row] = await queryRows<ServiceDetails>(
    db,
    sql`select name, team, lifecycle, tier, repository, coalesce(tags, '{}') as tags, source from services where name = ${name}`,
  );
  return row ?? null;
};

import { sql } from 'drizzle-orm';
import { rejectedRequests } from '../db/schema';
import type { Executor } from '../db/client';

/** Counts a refused request by endpoint, reason and UTC day; nothing of the request itself is kept. */
export const recordRejectedRequest = async (db: Executor, endpoint: string, reason: string, at = new Date()) => {
  await db
    .insert(rejectedRequests)
    .values({ endpoint, reason, day: at.toISOString().slice(0, 10), count: 1, lastAt: at })
    .onConflictDoUpdate({
      target: [rejectedRequests.endpoint, rejectedRequests.reason, rejectedRequests.day],
      set: { count: sql`${rejectedRequests.count} + 1`, lastAt: sql`excluded.last_at` },
    });
};

import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { scorecardSnapshots, services } from '../db/schema';
import { UNRANKED } from './compute-scorecard-summary';

/** A service's current level (for its badge) as last evaluated, or null when there is no such service. */
export const getServiceLevel = async ({ db, service }: { db: Executor; service: string }) => {
  const [known] = await db.select({ name: services.name }).from(services).where(eq(services.name, service));
  if (!known) return null;
  const [snapshot] = await db
    .select({ level: scorecardSnapshots.level })
    .from(scorecardSnapshots)
    .where(eq(scorecardSnapshots.service, service))
    .orderBy(desc(scorecardSnapshots.day))
    .limit(1);
  return snapshot?.level ?? UNRANKED;
};

import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { scorecardSnapshots, services } from '../db/schema';
import { UNRANKED } from './compute-scorecard-summary';
import { ensureScorecardsFresh } from './ensure-scorecards-fresh';
import { getStandards } from './get-standards';
import type { Standards } from './standards-schema';

/** A service's current level (for its badge), or null when there is no such service. */
export const getServiceLevel = async ({ db, service, standards = getStandards(), now = new Date() }: { db: Executor; service: string; standards?: Standards; now?: Date }) => {
  const [known] = await db.select({ name: services.name }).from(services).where(eq(services.name, service));
  if (!known) return null;
  await ensureScorecardsFresh({ db, standards, now });
  const [snapshot] = await db
    .select({ level: scorecardSnapshots.level })
    .from(scorecardSnapshots)
    .where(eq(scorecardSnapshots.service, service))
    .orderBy(desc(scorecardSnapshots.day))
    .limit(1);
  return snapshot?.level ?? UNRANKED;
};

import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { scorecardSnapshots, services } from '../db/schema';

/** Each service's most recent daily snapshot, with the service's team and lifecycle; optionally one team's. */
export const loadLatestSnapshots = async (db: Executor, team?: string) =>
  db
    .selectDistinctOn([scorecardSnapshots.service], {
      service: scorecardSnapshots.service,
      team: services.team,
      lifecycle: services.lifecycle,
      day: scorecardSnapshots.day,
      level: scorecardSnapshots.level,
      score: scorecardSnapshots.score,
      statuses: scorecardSnapshots.statuses,
    })
    .from(scorecardSnapshots)
    .innerJoin(services, eq(services.name, scorecardSnapshots.service))
    .where(team !== undefined ? eq(services.team, team) : undefined)
    .orderBy(scorecardSnapshots.service, desc(scorecardSnapshots.day));

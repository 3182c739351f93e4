import { desc, eq, sql } from 'drizzle-orm';
import { cacheByRevision } from '../db/cache-by-revision';
import type { Executor } from '../db/client';
import { scorecardSnapshots, services } from '../db/schema';
import { buildTeamTree } from '../domain/build-team-tree';

const readLatestSnapshots = (db: Executor, team?: string) =>
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
    // A team's own services and its sub-teams'.
    .where(team !== undefined ? sql`${services.team} in ${buildTeamTree(team)}` : undefined)
    .orderBy(scorecardSnapshots.service, desc(scorecardSnapshots.day));

/**
 * Each service's most recent daily snapshot, with the service's team and lifecycle; optionally one team's. Shared
 * per data revision by every page that shows levels (callers must not mutate the rows).
 */
export const loadLatestSnapshots = (db: Executor, team?: string) =>
  cacheByRevision(db, `latest-snapshots:${team ?? '*'}`, () => readLatestSnapshots(db, team));

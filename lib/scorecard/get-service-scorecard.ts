import type { Executor } from '../db/client';
import { listServiceScorecards, type ServiceScorecard } from './list-service-scorecards';
import type { Standards } from './standards-schema';

/** One service's scorecard (see listServiceScorecards), or null when there is no such service. */
export const getServiceScorecard = async ({ db, service, standards, now }: { db: Executor; service: string; standards?: Standards; now?: Date }): Promise<ServiceScorecard | null> =>
  (await listServiceScorecards({ db, services: [service], standards, now }))[0] ?? null;

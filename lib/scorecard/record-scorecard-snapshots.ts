import type { Executor } from '../db/client';
import { scorecardSnapshots } from '../db/schema';
import { upsertRows } from '../db/upsert-rows';
import type { ServiceEvaluation } from './evaluate-service-scorecard';

/** Writes (or rewrites) each service's snapshot of one UTC day: the day's latest evaluation is the day's snapshot. */
export const recordScorecardSnapshots = async (db: Executor, { day, standardsHash, evaluations }: { day: string; standardsHash: string; evaluations: ServiceEvaluation[] }) =>
  upsertRows(
    db,
    scorecardSnapshots,
    evaluations.map((evaluation) => ({
      service: evaluation.service,
      day,
      level: evaluation.level,
      score: evaluation.score,
      statuses: Object.fromEntries(evaluation.outcomes.map((outcome) => [outcome.checkId, outcome.status])),
      standardsHash,
    })),
    { key: [scorecardSnapshots.service, scorecardSnapshots.day] },
  );

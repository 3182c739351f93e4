import type { Db } from '../../../lib/db/client';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { PAGERDUTY_SOURCE } from './pagerduty-ids';
import { processPagerdutyDelivery } from './process-pagerduty-delivery';

/** A stored delivery through the pipeline, as the worker's job runs it; its webhook_deliveries row is its record. */
export const runPagerdutyDelivery = (context: { db: Db; services: Record<string, string> }, deliveryId: string) =>
  runIngest(
    { db: context.db, job: 'pagerduty.webhook', source: PAGERDUTY_SOURCE, scope: deliveryId, record: false },
    async (run) => {
      const outcome = await processPagerdutyDelivery(context, deliveryId);
      run.touch(outcome.services);
      return { result: outcome };
    },
  );

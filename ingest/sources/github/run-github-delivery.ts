import { runIngest } from '../../../lib/pipeline/run-ingest';
import { GITHUB_SOURCE, serviceOf } from './github-ids';
import { processGithubDelivery, type DeliveryContext } from './process-github-delivery';

/**
 * A stored delivery through the pipeline, as the worker's job runs it: normalized, then the repository's service
 * settled. No ingest_runs row: the delivery's own row in webhook_deliveries is its record.
 */
export const runGithubDelivery = (context: DeliveryContext, deliveryId: string) =>
  runIngest({ db: context.db, job: 'github.webhook', source: GITHUB_SOURCE, scope: deliveryId, record: false }, async (run) => {
    const outcome = await processGithubDelivery(context, deliveryId);
    if (outcome.status === 'processed' && outcome.repository) run.touch([serviceOf(outcome.repository)]);
    return { result: outcome };
  });

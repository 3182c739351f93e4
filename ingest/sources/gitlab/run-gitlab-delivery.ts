import { runIngest } from '../../../lib/pipeline/run-ingest';
import { GITLAB_SOURCE, serviceOfProject } from './gitlab-ids';
import { processGitlabDelivery, type GitlabDeliveryContext } from './process-gitlab-delivery';

/** A stored delivery through the pipeline, as the worker's job runs it: normalized, then its service settled. */
export const runGitlabDelivery = (context: GitlabDeliveryContext, deliveryId: string) =>
  runIngest(
    { db: context.db, job: 'gitlab.webhook', source: GITLAB_SOURCE, scope: deliveryId, record: false },
    async (run) => {
      const outcome = await processGitlabDelivery(context, deliveryId);
      if (outcome.status === 'processed' && outcome.project) run.touch([serviceOfProject(outcome.project)]);
      return { result: outcome };
    },
  );

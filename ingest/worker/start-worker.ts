import type { Config } from '../../lib/config/config-schema';
import type { Db } from '../../lib/db/client';
import { JOB_NAMES, type JobQueue } from '../../lib/jobs/job-queue';
import { log } from '../../lib/observability/log';
import { listPendingDeliveries } from '../../lib/webhooks/list-pending-deliveries';
import { registerJobHandlers, type WorkerRoles } from './register-job-handlers';

/**
 * Starts this process's share of the background work: the job handlers for its roles, the cron schedules of GitHub
 * PagerDuty, incident.io and Backstage syncs (github.schedule, pagerduty.schedule, incidentIo.schedule,
 * backstage.schedule), and a sweep that queues webhook deliveries stored while no worker ran.
 */
export const startWorker = async (
  queue: JobQueue,
  { db, config, roles }: { db: Db; config: Config; roles: WorkerRoles },
) => {
  await registerJobHandlers(queue, { db, config, roles });
  if (roles.syncs && config.github.schedule) {
    await queue.schedule(JOB_NAMES.githubSyncAll, config.github.schedule);
    log.info('GitHub syncs scheduled', { cron: config.github.schedule });
  }
  if (roles.syncs && config.pagerduty.schedule) {
    await queue.schedule(JOB_NAMES.pagerdutySync, config.pagerduty.schedule);
    log.info('PagerDuty syncs scheduled', { cron: config.pagerduty.schedule });
  }
  if (roles.syncs && config.incidentIo.schedule) {
    await queue.schedule(JOB_NAMES.incidentIoSync, config.incidentIo.schedule);
    log.info('incident.io syncs scheduled', { cron: config.incidentIo.schedule });
  }
  if (roles.syncs && config.backstage.schedule) {
    await queue.schedule(JOB_NAMES.backstageSync, config.backstage.schedule);
    log.info('Backstage catalog syncs scheduled', { cron: config.backstage.schedule });
  }
  if (roles.webhooks) {
    const webhookJobs = [
      ['github', JOB_NAMES.githubWebhook],
      ['gitlab', JOB_NAMES.gitlabWebhook],
      ['pagerduty', JOB_NAMES.pagerdutyWebhook],
      ['incident-io', JOB_NAMES.incidentIoWebhook],
      ['cdevents', JOB_NAMES.cdeventsWebhook],
      ['otel', JOB_NAMES.otelWebhook],
    ] as const;
    for (const [source, job] of webhookJobs) {
      const pending = await listPendingDeliveries(db, source);
      for (const deliveryId of pending) await queue.send(job, { deliveryId }, { singletonKey: deliveryId });
      if (pending.length > 0)
        log.info('queued webhook deliveries left from before', { source, deliveries: pending.length });
    }
  }
};

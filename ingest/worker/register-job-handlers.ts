import type { Config } from '../../lib/config/config-schema';
import type { Db } from '../../lib/db/client';
import { AppError } from '../../lib/errors';
import { JOB_NAMES, type JobQueue } from '../../lib/jobs/job-queue';
import { log } from '../../lib/observability/log';
import { createBackstageClient } from '../sources/backstage/create-backstage-client';
import { syncBackstage } from '../sources/backstage/sync-backstage';
import { createGithubClient } from '../sources/github/create-github-client';
import { createGithubTokenSource } from '../sources/github/create-github-token-source';
import { getGithubConfig } from '../sources/github/get-github-config';
import { listGithubRepositories } from '../sources/github/list-github-repositories';
import { processCdeventsDelivery } from '../sources/cdevents/process-cdevents-delivery';
import { runGithubDelivery } from '../sources/github/run-github-delivery';
import { processOtelDelivery } from '../sources/otel/process-otel-delivery';
import { createIncidentIoClient } from '../sources/incident-io/create-incident-io-client';
import { runIncidentIoDelivery } from '../sources/incident-io/run-incident-io-delivery';
import { syncIncidentIo } from '../sources/incident-io/sync-incident-io';
import { createPagerdutyClient } from '../sources/pagerduty/create-pagerduty-client';
import { runPagerdutyDelivery } from '../sources/pagerduty/run-pagerduty-delivery';
import { syncPagerduty } from '../sources/pagerduty/sync-pagerduty';
import { syncRepository } from '../sources/github/sync-repository';
import { createGitlabClient } from '../sources/gitlab/create-gitlab-client';
import { getGitlabConfig } from '../sources/gitlab/get-gitlab-config';
import { runGitlabDelivery } from '../sources/gitlab/run-gitlab-delivery';
import { runGitlabProjectJob } from '../sources/gitlab/run-gitlab-project-job';

export type WorkerRoles = {
  /** Normalize webhook deliveries (light; the server runs it in-process by default). */
  webhooks: boolean;
  /** Run repository syncs and the fan-out of scheduled syncs. */
  syncs: boolean;
  syncConcurrency?: number;
  webhookConcurrency?: number;
};

/** Registers the job handlers this process runs. Every handler is idempotent: a job run twice changes nothing more. */
export const registerJobHandlers = async (
  queue: JobQueue,
  { db, config, roles }: { db: Db; config: Config; roles: WorkerRoles },
) => {
  const github = getGithubConfig(config);
  const gitlab = getGitlabConfig(config);
  const tokens = github.client ? createGithubTokenSource(github.client) : null;
  // A client per job counts that job's requests; the credentials behind it are shared.
  const clientForJob = async () =>
    github.client && tokens ? createGithubClient({ ...github.client, auth: await tokens() }) : null;
  if (roles.webhooks) {
    await queue.work(
      JOB_NAMES.githubWebhook,
      async (data) => {
        const client = await clientForJob();
        await runGithubDelivery({ db, client, settings: github.settings }, String(data.deliveryId));
      },
      { concurrency: roles.webhookConcurrency ?? 2 },
    );
    await queue.work(
      JOB_NAMES.gitlabWebhook,
      async (data) => {
        const client = gitlab.client ? createGitlabClient(gitlab.client) : null;
        await runGitlabDelivery({ db, client, settings: gitlab.settings }, String(data.deliveryId));
      },
      { concurrency: roles.webhookConcurrency ?? 2 },
    );
    await queue.work(
      JOB_NAMES.pagerdutyWebhook,
      (data) =>
        runPagerdutyDelivery({ db, services: config.pagerduty.services }, String(data.deliveryId)).then(() => {}),
      {
        concurrency: roles.webhookConcurrency ?? 2,
      },
    );
    await queue.work(
      JOB_NAMES.incidentIoWebhook,
      (data) => runIncidentIoDelivery({ db, settings: config.incidentIo }, String(data.deliveryId)).then(() => {}),
      {
        concurrency: roles.webhookConcurrency ?? 2,
      },
    );
    await queue.work(JOB_NAMES.otelWebhook, (data) => processOtelDelivery(db, String(data.deliveryId)).then(() => {}), {
      concurrency: roles.webhookConcurrency ?? 2,
    });
    await queue.work(
      JOB_NAMES.cdeventsWebhook,
      (data) =>
        processCdeventsDelivery({ db, services: config.cdevents.services }, String(data.deliveryId)).then(() => {}),
      {
        concurrency: roles.webhookConcurrency ?? 2,
      },
    );
  }
  if (roles.syncs) {
    await queue.work(
      JOB_NAMES.githubSyncRepository,
      async (data) => {
        const client = await clientForJob();
        if (!client)
          throw new AppError('CONFIG_INVALID', 'GitHub syncs need GITHUB_TOKEN or a GitHub App (see README)');
        const outcome = await syncRepository({
          db,
          client,
          fullName: String(data.fullName),
          settings: github.settings,
          full: data.full === true,
          parent: (data.parentRunId as string | undefined) ?? null,
        });
        if (outcome.status === 'failed')
          log.warn('repository sync failed', { repository: outcome.fullName, error: outcome.error });
      },
      { concurrency: roles.syncConcurrency ?? 2 },
    );
    await queue.work(
      JOB_NAMES.gitlabSyncProject,
      async (data) => {
        if (!gitlab.client) throw new AppError('CONFIG_INVALID', 'GitLab syncs need WAYMARK_GITLAB_TOKEN (see README)');
        const outcome = await runGitlabProjectJob(
          { db, client: gitlab.client, settings: gitlab.settings },
          {
            project: String(data.project),
            full: data.full === true,
            parentRunId: (data.parentRunId as string | undefined) ?? null,
          },
        );
        if (outcome.status === 'failed')
          log.warn('GitLab project sync failed', { project: outcome.path, error: outcome.error });
      },
      { concurrency: roles.syncConcurrency ?? 2 },
    );
    await queue.work(JOB_NAMES.githubSyncAll, async () => {
      const client = await clientForJob();
      if (!client) throw new AppError('CONFIG_INVALID', 'GitHub syncs need GITHUB_TOKEN or a GitHub App (see README)');
      const repositories = await listGithubRepositories(db, client, {
        org: config.github.org,
        repos: config.github.repos,
      });
      for (const fullName of repositories)
        await queue.send(JOB_NAMES.githubSyncRepository, { fullName }, { singletonKey: fullName });
      log.info('scheduled GitHub sync queued', { repositories: repositories.length });
    });
    await queue.work(JOB_NAMES.pagerdutySync, async (data) => {
      const { pagerduty } = config;
      if (!pagerduty.token)
        throw new AppError('CONFIG_INVALID', 'PagerDuty syncs need WAYMARK_PAGERDUTY_TOKEN (see README)');
      const client = createPagerdutyClient({ token: pagerduty.token, apiUrl: pagerduty.apiUrl });
      const outcome = await syncPagerduty({ db, client, settings: pagerduty, full: data.full === true });
      log.info('PagerDuty sync done', {
        incidents: outcome.incidents,
        unmapped: outcome.unmapped,
        requests: outcome.requests,
      });
    });
    await queue.work(JOB_NAMES.incidentIoSync, async (data) => {
      const { incidentIo } = config;
      if (!incidentIo.token)
        throw new AppError('CONFIG_INVALID', 'incident.io syncs need WAYMARK_INCIDENT_IO_TOKEN (see README)');
      const client = createIncidentIoClient({ token: incidentIo.token, apiUrl: incidentIo.apiUrl });
      const outcome = await syncIncidentIo({ db, client, settings: incidentIo, full: data.full === true });
      log.info('incident.io sync done', {
        incidents: outcome.incidents,
        unmapped: outcome.unmapped,
        requests: outcome.requests,
      });
    });
    await queue.work(JOB_NAMES.backstageSync, async (data) => {
      const { backstage } = config;
      if (!backstage.url)
        throw new AppError('CONFIG_INVALID', 'Backstage syncs need backstage.url (WAYMARK_BACKSTAGE_URL; see README)');
      const client = createBackstageClient({ url: backstage.url, token: backstage.token });
      const outcome = await syncBackstage({
        db,
        client,
        pageSize: backstage.pageSize,
        scope: new URL(backstage.url).origin,
        full: data.full === true,
      });
      log.info('Backstage sync done', {
        services: outcome.services,
        teams: outcome.teams,
        removedComponents: outcome.removed.components.length,
        requests: outcome.requests,
      });
    });
  }
};

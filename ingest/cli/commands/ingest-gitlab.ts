import { getConfig } from '../../../lib/config/load-config';
import { AppError } from '../../../lib/errors';
import { createPgBossQueue } from '../../../lib/jobs/create-pg-boss-queue';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import { collectGitlabProjects } from '../../sources/gitlab/collect-gitlab-projects';
import { createGitlabClient } from '../../sources/gitlab/create-gitlab-client';
import { getGitlabConfig } from '../../sources/gitlab/get-gitlab-config';
import { syncGitlab } from '../../sources/gitlab/sync-gitlab';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatCount } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';
import { createProgress } from '../progress';

const COUNTED = ['deployments', 'mergeRequests', 'pipelineRuns', 'incidents', 'linked'] as const;
const LABELS: Record<(typeof COUNTED)[number], string> = {
  deployments: 'deployments',
  mergeRequests: 'merge requests',
  pipelineRuns: 'pipeline runs',
  incidents: 'incidents',
  linked: 'deployments linked to commits',
};

export const ingestGitlabCommand = defineCommand({
  usage: 'waymark ingest gitlab [--group PATH] [--project PATH …] [--full] [--enqueue]',
  help: [
    'Syncs every project of a GitLab group and its subgroups (or the named projects) on gitlab.com or a self-managed',
    'instance: deployments per environment, merged merge requests with their commits, pipelines, incidents (issues of',
    'type incident or with gitlab.incidentLabel), the commits each production deployment shipped, and the service',
    'description in catalog-info.yaml. Incremental: a second run asks only for what changed since its cursors.',
    'Needs WAYMARK_GITLAB_TOKEN (read_api scope); gitlab.baseUrl in waymark.yaml for a self-managed instance.',
    '',
    'Options:',
    '  --group PATH      group to sync, with its subgroups (default: gitlab.group)',
    '  --project PATH    a project to sync (group/name); repeat for several (default: gitlab.projects)',
    '  --full            ignore cursors: re-read everything (a reconciliation pass)',
    '  --concurrency N   projects synced at once (default 4)',
    '  --enqueue         queue one job per project for `waymark worker` processes instead (Postgres only)',
    '',
    'Example:',
    '  WAYMARK_GITLAB_TOKEN=… waymark ingest gitlab --group acme',
  ].join('\n'),
  options: {
    group: { type: 'string' },
    project: { type: 'string', multiple: true },
    full: { type: 'boolean' },
    enqueue: { type: 'boolean' },
    concurrency: { type: 'string' },
  },
  run: async ({ values, stdout }) => {
    const gitlab = getGitlabConfig(getConfig());
    const named = (values.project as string[] | undefined) ?? [];
    for (const project of named)
      if (!/^[^\s/]+(\/[^\s/]+)+$|^\d+$/.test(project))
        throw usageError(`--project ${project}: must be a project path (group/name) or id`);
    const group = (values.group as string | undefined) ?? (named.length === 0 ? gitlab.group : null);
    const projects = named.length > 0 ? named : group ? [] : gitlab.projects;
    if (!group && projects.length === 0)
      throw usageError(
        'nothing to sync: give --group PATH or --project PATH (or set gitlab.group / gitlab.projects in waymark.yaml)',
      );
    const concurrency = values.concurrency ? Number(values.concurrency) : 4;
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw usageError('--concurrency must be a positive whole number');
    if (!gitlab.client)
      throw new AppError(
        'VALIDATION_FAILED',
        'the GitLab token is missing: set WAYMARK_GITLAB_TOKEN (a token with the read_api scope; see README)',
      );

    const handle = await openCommandDb('ingest gitlab');
    if (values.enqueue) {
      if (handle.backend !== 'postgres')
        throw usageError(
          '--enqueue needs a Postgres server (DATABASE_URL): the embedded database runs jobs inside `npm start`',
        );
      const listed = (await collectGitlabProjects(
        createGitlabClient(gitlab.client),
        { group, projects },
        gitlab.settings.perPage,
      )) as { path_with_namespace: string }[];
      const queue = await createPgBossQueue({ url: handle.url!, schedule: false });
      try {
        for (const { path_with_namespace: project } of listed)
          await queue.send(
            JOB_NAMES.gitlabSyncProject,
            { project, full: values.full === true },
            { singletonKey: project },
          );
        stdout.write(`Queued ${formatCount(listed.length, 'project sync')} for \`waymark worker\` processes.\n`);
      } finally {
        await queue.stop();
      }
      return;
    }
    const progress = createProgress({ label: 'Syncing GitLab', unit: 'projects' });
    const started = Date.now();
    try {
      const outcome = await syncGitlab({
        db: handle.db,
        client: gitlab.client,
        settings: gitlab.settings,
        group,
        projects,
        full: values.full === true,
        concurrency,
        onProgress: ({ done, total }) => {
          progress.setTotal(total);
          progress.update(done);
        },
      });
      progress.finish();
      const failed = outcome.projects.filter((project) => project.status === 'failed');
      if (failed.length > 0 && failed.length === outcome.projects.length) {
        throw new AppError('VALIDATION_FAILED', `every project failed (${failed.length})`, {
          details: failed.map((project) => `${project.path}: ${project.error}`),
        });
      }
      for (const project of failed) process.stderr.write(`  ${project.path}: ${project.error}\n`);
      const total = (kind: string) => outcome.projects.reduce((sum, project) => sum + (project.counts[kind] ?? 0), 0);
      const synced = formatCount(outcome.projects.length - failed.length, 'project');
      const failures = failed.length ? ` (${failed.length} failed, listed above)` : '';
      const written = COUNTED.map((kind) => `${total(kind)} ${LABELS[kind]}`).join(', ');
      const limit = outcome.rateLimitRemaining !== null ? `, rate limit left ${outcome.rateLimitRemaining}` : '';
      stdout.write(
        `Synced ${synced}${failures} in ${formatDuration(Date.now() - started)}: ${written} written; ` +
          `${formatCount(outcome.requests, 'API request')} (${outcome.notModified} answered 304 Not Modified, ` +
          `${outcome.retried} retried)${limit}.\n`,
      );
    } finally {
      progress.finish();
    }
  },
});

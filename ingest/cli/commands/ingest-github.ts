import { getConfig } from '../../../lib/config/load-config';
import { AppError } from '../../../lib/errors';
import { createPgBossQueue } from '../../../lib/jobs/create-pg-boss-queue';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import { createGithubClient } from '../../sources/github/create-github-client';
import { getGithubConfig } from '../../sources/github/get-github-config';
import { listGithubRepositories } from '../../sources/github/list-github-repositories';
import { syncGithub } from '../../sources/github/sync-github';
import { defineCommand } from '../command';
import { usageError } from '../cli-error';
import { formatCount } from '../../../lib/format/format-count';
import { formatDuration } from '../format';
import { openCommandDb } from '../open-command-db';
import { createProgress } from '../progress';

const repositories = (count: number) => `${count} ${count === 1 ? 'repository' : 'repositories'}`;

const COUNTED = ['deployments', 'pipelineRuns', 'pullRequests', 'linked', 'incidents', 'facts'] as const;
const LABELS: Record<(typeof COUNTED)[number], string> = {
  deployments: 'deployments',
  pipelineRuns: 'pipeline runs',
  pullRequests: 'pull requests',
  linked: 'deployments linked to commits',
  incidents: 'incidents',
  facts: 'facts',
};

export const ingestGithubCommand = defineCommand({
  usage: 'waymark ingest github [--org ORG] [--repo OWNER/NAME …] [--since ISO] [--full] [--enqueue]',
  help: [
    'Syncs every repository of an organization (or the named ones): Deployments API deployments and statuses, GitHub',
    'Actions runs (deploy workflows become deployments when a repository does not use the Deployments API), pull',
    'requests with commits and reviews, the commits each production deployment shipped, incidents (issues with the',
    'incident label) and repository facts. Incremental: a second run sends conditional requests (304s cost no rate',
    'limit) and reads only what changed. Needs GITHUB_TOKEN or a GitHub App (GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY,',
    'GITHUB_APP_INSTALLATION_ID); GITHUB_API_URL for GitHub Enterprise Server.',
    '',
    'Options:',
    '  --org ORG            organization to sync (default: github.org / GITHUB_ORG)',
    '  --repo OWNER/NAME    a repository to sync; repeat for several (default: github.repos, or the whole --org)',
    '  --since ISO          on a first sync, read history back to this date only (e.g. 2026-01-01)',
    '  --full               ignore cursors and ETags: re-read everything (a reconciliation pass)',
    '  --enqueue            queue one job per repository for `waymark worker` processes instead (Postgres only)',
    '  --concurrency N      repositories synced at once in this process (default 8)',
    '',
    'Example:',
    '  GITHUB_TOKEN=… waymark ingest github --org acme --since 2026-01-01',
  ].join('\n'),
  options: {
    org: { type: 'string' },
    repo: { type: 'string', multiple: true },
    since: { type: 'string' },
    full: { type: 'boolean' },
    enqueue: { type: 'boolean' },
    concurrency: { type: 'string' },
  },
  run: async ({ values, stdout }) => {
    const config = getConfig();
    const github = getGithubConfig(config);
    const repos = (values.repo as string[] | undefined) ?? [];
    for (const repo of repos) if (!/^[^/\s]+\/[^/\s]+$/.test(repo)) throw usageError(`--repo ${repo}: must be OWNER/NAME`);
    const org = (values.org as string | undefined) ?? (repos.length === 0 ? config.github.org : undefined);
    const named = repos.length > 0 ? repos : org ? [] : config.github.repos;
    if (!org && named.length === 0) throw usageError('nothing to sync: give --org ORG or --repo OWNER/NAME (or set GITHUB_ORG / github.repos)');
    const since = values.since ? new Date(values.since as string) : null;
    if (since && Number.isNaN(since.getTime())) throw usageError(`--since ${values.since}: not a date (ISO 8601, e.g. 2026-01-01)`);
    const concurrency = values.concurrency ? Number(values.concurrency) : 8;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw usageError('--concurrency must be a positive whole number');
    if (!github.client) throw new AppError('CONFIG_INVALID', 'GitHub credentials are missing: set GITHUB_TOKEN, or GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID (see README)');

    const handle = await openCommandDb('ingest github');
    if (values.enqueue) {
      if (handle.backend !== 'postgres') throw usageError('--enqueue needs a Postgres server (DATABASE_URL): the embedded database runs jobs inside `npm start`');
      const queue = await createPgBossQueue({ url: handle.url!, schedule: false });
      try {
        const names = await listGithubRepositories(handle.db, await createGithubClient(github.client), { org, repos: named });
        for (const fullName of names) await queue.send(JOB_NAMES.githubSyncRepository, { fullName, full: values.full === true }, { singletonKey: fullName });
        stdout.write(`Queued ${formatCount(names.length, 'repository sync')} for \`waymark worker\` processes.\n`);
      } finally {
        await queue.stop();
      }
      return;
    }

    const progress = createProgress({ label: 'Syncing GitHub', unit: 'repositories' });
    const started = Date.now();
    try {
      const outcome = await syncGithub({
        db: handle.db,
        client: github.client,
        settings: github.settings,
        org,
        repos: named,
        since,
        full: values.full === true,
        concurrency,
        onProgress: ({ done, total }) => {
          progress.setTotal(total);
          progress.update(done);
        },
      });
      progress.finish();
      const failed = outcome.repositories.filter((repo) => repo.status === 'failed');
      const totals = Object.fromEntries(COUNTED.map((kind) => [kind, outcome.repositories.reduce((sum, repo) => sum + (repo.counts[kind] ?? 0), 0)]));
      const written = COUNTED.map((kind) => `${totals[kind]} ${LABELS[kind]}`).join(', ');
      if (failed.length > 0 && failed.length === outcome.repositories.length) {
        throw new AppError('VALIDATION_FAILED', `every repository failed (${failed.length})`, { details: failed.map((repo) => `${repo.fullName}: ${repo.error}`) });
      }
      for (const repo of failed) process.stderr.write(`  ${repo.fullName}: ${repo.error}\n`);
      stdout.write(
        `Synced ${repositories(outcome.repositories.length - failed.length)}${failed.length ? ` (${failed.length} failed, listed above)` : ''} in ${formatDuration(Date.now() - started)}: ` +
          `${written} written; ${formatCount(outcome.requests, 'API request')} (${outcome.notModified} answered 304 Not Modified)` +
          `${outcome.rateLimitRemaining !== null ? `, rate limit left ${outcome.rateLimitRemaining}` : ''}.\n`,
      );
    } finally {
      progress.finish();
    }
  },
});

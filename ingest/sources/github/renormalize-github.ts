import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../../lib/db/client';
import { rawPayloads } from '../../../lib/db/schema';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { renormalizeSource } from '../renormalize-source';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import { parsePayload, ZRepository } from './github-payloads';
import type { GithubSettings } from './github-settings';
import { linkDeploymentChanges } from './link-deployment-changes';
import { normalizeRepository } from './normalize-repository';
import { upsertGithubDeployments } from './upsert-github-deployments';
import { upsertGithubIncidents } from './upsert-github-incidents';
import { upsertGithubPullRequests } from './upsert-github-pull-requests';
import { upsertGithubWorkflowRuns } from './upsert-github-workflow-runs';

const payloadsOf = async (tx: Executor, kind: string, scope: string) =>
  (await getRawPayloads(tx, { source: GITHUB_SOURCE, kind, scope })).map((row) => row.payload);

/** One repository's stored payloads through the same upserts polling and webhooks use; returns refused payloads. */
const renormalizeRepository = async (tx: Executor, fullName: string, payload: unknown, settings: GithubSettings) => {
  let invalid = 0;
  const repository = parsePayload(ZRepository, payload, 'repository');
  if (repository.ok) await upsertServices(tx, [normalizeRepository(repository.value)]);
  else invalid++;
  const stored = await payloadsOf(tx, 'deployment', fullName);
  const items = [];
  for (const deployment of stored) {
    const id = (deployment as { id?: unknown } | null)?.id;
    const sourceId = githubIds.deployment(fullName, typeof id === 'number' ? id : -1);
    items.push({ deployment, statuses: await payloadsOf(tx, 'deployment_status', `${sourceId}/statuses`) });
  }
  invalid += (await upsertGithubDeployments(tx, fullName, items)).invalid;
  const runs = await payloadsOf(tx, 'workflow_run', fullName);
  const runOptions = { deployWorkflowPattern: settings.deployWorkflowPattern, usesDeploymentsApi: stored.length > 0 };
  invalid += (await upsertGithubWorkflowRuns(tx, fullName, runs, runOptions)).invalid;
  // null lists: each pull request's stored commits and reviews are read back by the upsert itself.
  const pulls = (await payloadsOf(tx, 'pull_request', fullName)).map((pull) => ({
    pull,
    commits: null,
    reviews: null,
  }));
  invalid += (await upsertGithubPullRequests(tx, fullName, pulls)).invalid;
  // Every issue the repository ever had labelled is stored, so the list is complete for the incident table.
  const issues = await payloadsOf(tx, 'issue', fullName);
  invalid += (await upsertGithubIncidents(tx, fullName, issues, settings.incidentLabel, { complete: true })).invalid;
  return invalid;
};

/**
 * Runs the GitHub normalizers again over every stored payload, repository by repository, then re-links every
 * counted deployment from the stored comparisons, so a normalizer or linking change reaches rows ingested before it
 * without a request to GitHub. Facts are not re-derived: they are the default branch's state, read by the next sync.
 */
export const renormalizeGithub = (db: Db, settings: GithubSettings) =>
  renormalizeSource(
    db,
    GITHUB_SOURCE,
    async () => [GITHUB_SOURCE],
    async (run) => {
      const repositories = await db
        .select({ fullName: rawPayloads.sourceId, payload: rawPayloads.payload })
        .from(rawPayloads)
        .where(and(eq(rawPayloads.source, GITHUB_SOURCE), eq(rawPayloads.kind, 'repository')))
        .orderBy(asc(rawPayloads.sourceId));
      let invalid = 0;
      const counts: Record<string, number> = {};
      for (const { fullName, payload } of repositories) {
        invalid += await db.transaction((tx) => renormalizeRepository(tx, fullName, payload, settings));
        const [owner, repo] = fullName.split('/') as [string, string];
        const service = serviceOf(fullName);
        const target = { db, client: null, fullName, owner, repo, service, settings, counts, checkStopped: () => {} };
        await linkDeploymentChanges({ ...target, relink: true });
        run.touch([service]);
      }
      return { scopes: repositories.length, invalid, relinked: counts.linked ?? 0 };
    },
  );

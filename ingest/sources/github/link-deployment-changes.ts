import { and, asc, eq } from 'drizzle-orm';
import { deployments } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { storeRawPayloads } from '../../../lib/domain/store-raw-payloads';
import { normalizeDeployedCommits } from '../../../lib/domain/normalize-deployed-commits';
import { stableHash } from '../../../lib/domain/stable-hash';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { collectDeployedCommits } from './collect-deployed-commits';
import { DAY_MS } from '../../../lib/format/time-units';
import type { GithubClient } from './create-github-client';
import { GITHUB_SOURCE, githubIds } from './github-ids';
import { GITHUB_CURSOR_SOURCE, type GithubSettings } from './github-settings';
import { keepCommitsTouchingPaths } from './keep-commits-touching-paths';
import { loadGithubMonorepoServices } from './load-monorepo-services';
import { loadPullRequestIndex, type PullRequestIndex } from './load-pull-request-index';
import { resolvePullRequests } from './resolve-pull-requests';
import { toDeployedCommit } from './to-deployed-commit';

export type LinkTarget = {
  db: Executor;
  /** null (a webhook job without API access): only what is stored is used; anything else waits for the next sync. */
  client: GithubClient | null;
  fullName: string;
  owner: string;
  repo: string;
  service: string;
  settings: GithubSettings;
  counts: Record<string, number>;
  checkStopped: () => void;
  /** Link every counted deployment again, whatever the cursor says (renormalize, after a linking rule changed). */
  relink?: boolean;
};

/** One service's chain of deployments in the repository: the repository's own, or a monorepo service's (its paths). */
type Chain = { service: string; paths: readonly string[] | null };

/**
 * Links one service's counted deployments in order, each against that service's previous one. What a link was made
 * from is kept in the `links` cursor (the previous sha, and a monorepo service's paths), so a deployment is linked
 * again only when that changes.
 */
const linkChain = async (target: LinkTarget, chain: Chain, links: Record<string, string | null>) => {
  const { db, fullName } = target;
  const { service, paths } = chain;
  const production = new RegExp(target.settings.productionPattern, 'i');
  const rows = await db
    .select()
    .from(deployments)
    .where(
      and(eq(deployments.source, GITHUB_SOURCE), eq(deployments.service, service), eq(deployments.status, 'success')),
    )
    .orderBy(asc(deployments.finishedAt), asc(deployments.id));
  const counted = rows.filter(
    (row) =>
      row.sourceId.startsWith(`${fullName}/`) && row.finishedAt && row.commitSha && production.test(row.environment),
  );
  const pathsKey = paths ? `|paths:${stableHash(paths)}` : '';
  const horizonDays = target.settings.backfillHorizonDays;

  let index: PullRequestIndex | null = null;
  let linked = 0;
  for (const [position, deployment] of counted.entries()) {
    const previous = counted[position - 1];
    const expected = `${previous ? `sha:${previous.commitSha}` : `horizon:${horizonDays}`}${pathsKey}`;
    if (!target.relink && links[deployment.sourceId] === expected) continue;
    const { commitSha, finishedAt } = deployment as { commitSha: string; finishedAt: Date };
    let deployed = await collectDeployedCommits(target, previous?.commitSha ?? null, commitSha, finishedAt);
    // A previous sha GitHub no longer knows (a force push) leaves only the horizon to go by.
    if (deployed === null) continue;
    const own = paths
      ? await keepCommitsTouchingPaths(target, deployed.commits, paths)
      : { commits: deployed.commits, fetched: [] };
    // Files of a commit not stored, and no client to ask: the next sync links it.
    if (own === null) continue;
    index ??= await loadPullRequestIndex(db, fullName);
    const resolved = await resolvePullRequests(target, own.commits, index);
    const rollback = deployed.status === 'behind' && previous !== undefined;
    // Only the pull requests this deployment's commits came from; the index grows as commits are resolved.
    const numbers = [...new Set(resolved.pullRequestBySha.values())];
    const requestCommits = new Map(
      numbers.map((n) => [githubIds.pullRequest(fullName, n), (index!.commits.get(n) ?? []).map(toDeployedCommit)]),
    );
    const changes = normalizeDeployedCommits({
      source: GITHUB_SOURCE,
      service,
      deployed: own.commits.map(toDeployedCommit),
      requestBySha: new Map(
        [...resolved.pullRequestBySha].map(([sha, n]) => [sha, githubIds.pullRequest(fullName, n)]),
      ),
      requestCommits,
      horizonStart: previous ? null : new Date(finishedAt.getTime() - horizonDays * DAY_MS),
    });
    const fetched = [...deployed.fetched, ...own.fetched, ...resolved.fetched];
    deployed = null;
    await db.transaction(async (tx) => {
      await storeRawPayloads(tx, fetched);
      const reason = rollback ? ('rollback' as const) : null;
      const rollbackOf = rollback ? previous.id : null;
      const { inserted, updated } = await upsertDeployments(tx, [
        { deployment: { ...deployment, reason, rollbackOf }, changes },
      ]);
      if (inserted.size + updated.size > 0) linked++;
      const cursor = { [deployment.sourceId]: expected };
      await saveIngestCursor(tx, linksKeyOf(fullName), { cursor }, { merge: true });
    });
  }
  return linked;
};

const linksKeyOf = (fullName: string) => ({ source: GITHUB_CURSOR_SOURCE, scope: fullName, kind: 'links' });

/**
 * Links every counted (successful, production) deployment of the repository's service to the commits it shipped:
 * those reachable from its sha and not from the previous counted deployment's sha, with each pull request's own
 * commits standing in for its squash, rebase or merge commit; the first deployment seen gets only the commits within
 * the backfill horizon. A deployment of an ancestor of the previous one is a rollback of it, shipping nothing new.
 * In a monorepo each service named by deployments is its own chain (its previous deployment, not the repository's)
 * and carries only the commits changing its paths; deployments naming no service stay the repository's, whole.
 * Only deployments whose base changed since they were last linked are visited (the `links` cursor), and every
 * answer is kept as a raw payload, so re-linking costs no requests.
 */
export const linkDeploymentChanges = async (target: LinkTarget) => {
  const { db, fullName } = target;
  const key = linksKeyOf(fullName);
  const stored = await getIngestCursor<Record<string, string | null>>(db, key.source, key.scope, key.kind);
  const links = stored.cursor ?? {};
  const monorepo = await loadGithubMonorepoServices(db, fullName);
  const chains: Chain[] = [
    // A monorepo service named like the repository is that service: its paths rule.
    ...(monorepo.some((entry) => entry.service === target.service) ? [] : [{ service: target.service, paths: null }]),
    ...monorepo.map((entry) => ({ service: entry.service, paths: entry.paths })),
  ];
  let linked = 0;
  for (const chain of chains) linked += await linkChain(target, chain, links);
  target.counts.linked = (target.counts.linked ?? 0) + linked;
};

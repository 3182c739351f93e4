import { and, asc, eq } from 'drizzle-orm';
import { deployments } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { normalizeDeployedCommits } from '../../../lib/domain/normalize-deployed-commits';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import type { GithubClient } from './create-github-client';
import { fetchPages } from './fetch-pages';
import { GITHUB_SOURCE, githubIds } from './github-ids';
import { parsePayload, ZCompare } from './github-payloads';
import { GITHUB_CURSOR_SOURCE, type GithubSettings } from './github-settings';
import { loadPullRequestIndex, parseCommits, type PullRequestIndex } from './load-pull-request-index';
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

type Deployed = { commits: ReturnType<typeof parseCommits>; status: string; fetched: RawPayloadInput[] } | null;

const DAY = 86_400_000;

/** Commits a deployment shipped since the previous one (compare), or within the horizon for the first one. */
const collectDeployed = async (target: LinkTarget, base: string | null, head: string, finishedAt: Date): Promise<Deployed> => {
  const { db, client, fullName, owner, repo } = target;
  const since = new Date(finishedAt.getTime() - target.settings.backfillHorizonDays * DAY);
  const sourceId = base ? `${fullName}:${base}...${head}` : `${fullName}:${head}@${since.toISOString()}`;
  const kind = base ? 'compare' : 'commit_window';
  const [known] = await getRawPayloads(db, { source: GITHUB_SOURCE, kind, sourceIds: [sourceId] });
  let payload = known?.payload as { status: string; commits: unknown[] } | undefined;
  const fetched: RawPayloadInput[] = [];
  if (!payload) {
    if (!client) return null;
    target.checkStopped();
    if (base) {
      let status = 'ahead';
      const pages = await fetchPages<unknown>(client, 'GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${base}...${head}` }, {
        itemsOf: (data) => {
          const parsed = parsePayload(ZCompare, data, 'comparison');
          if (parsed.ok) status = parsed.value.status;
          return (data as { commits?: unknown[] }).commits ?? [];
        },
      });
      payload = { status, commits: pages.notModified ? [] : pages.items };
    } else {
      const pages = await fetchPages<unknown>(client, 'GET /repos/{owner}/{repo}/commits', { owner, repo, sha: head, since: since.toISOString(), until: finishedAt.toISOString() });
      payload = { status: 'first', commits: pages.notModified ? [] : [...pages.items].reverse() };
    }
    fetched.push({ source: GITHUB_SOURCE, kind, sourceId, scope: fullName, payload });
  }
  return { commits: parseCommits(payload.commits), status: payload.status, fetched };
};

/**
 * Links every counted (successful, production) deployment of the repository's service to the commits it shipped:
 * those reachable from its sha and not from the previous counted deployment's sha, with each pull request's own
 * commits standing in for its squash, rebase or merge commit; the first deployment seen gets only the commits within
 * the backfill horizon. A deployment of an ancestor of the previous one is a rollback of it, shipping nothing new.
 * Only deployments whose base changed since they were last linked are visited (the `links` cursor), and every
 * comparison is kept as a raw payload, so re-linking costs no requests.
 */
export const linkDeploymentChanges = async (target: LinkTarget) => {
  const { db, fullName, service } = target;
  const production = new RegExp(target.settings.productionPattern, 'i');
  const linksKey = { source: GITHUB_CURSOR_SOURCE, scope: fullName, kind: 'links' };
  const links = (await getIngestCursor<Record<string, string | null>>(db, linksKey.source, linksKey.scope, linksKey.kind)).cursor ?? {};
  const rows = await db
    .select()
    .from(deployments)
    .where(and(eq(deployments.source, GITHUB_SOURCE), eq(deployments.service, service), eq(deployments.status, 'success')))
    .orderBy(asc(deployments.finishedAt), asc(deployments.id));
  const counted = rows.filter((row) => row.sourceId.startsWith(`${fullName}/`) && row.finishedAt && row.commitSha && production.test(row.environment));

  let index: PullRequestIndex | null = null;
  let linked = 0;
  for (const [position, deployment] of counted.entries()) {
    const previous = counted[position - 1];
    const expected = previous ? `sha:${previous.commitSha}` : `horizon:${target.settings.backfillHorizonDays}`;
    if (!target.relink && links[deployment.sourceId] === expected) continue;
    let deployed = await collectDeployed(target, previous?.commitSha ?? null, deployment.commitSha!, deployment.finishedAt!);
    // A previous sha GitHub no longer knows (a force push) leaves only the horizon to go by.
    if (deployed === null) continue;
    index ??= await loadPullRequestIndex(db, fullName);
    const resolved = await resolvePullRequests(target, deployed.commits, index);
    const rollback = deployed.status === 'behind' && previous !== undefined;
    // Only the pull requests this deployment's commits came from; the index grows as commits are resolved.
    const numbers = [...new Set(resolved.pullRequestBySha.values())];
    const requestCommits = new Map(
      numbers.map((n) => [githubIds.pullRequest(fullName, n), (index!.commits.get(n) ?? []).map(toDeployedCommit)]),
    );
    const changes = normalizeDeployedCommits({
      source: GITHUB_SOURCE,
      service,
      deployed: deployed.commits.map(toDeployedCommit),
      requestBySha: new Map([...resolved.pullRequestBySha].map(([sha, n]) => [sha, githubIds.pullRequest(fullName, n)])),
      requestCommits,
      horizonStart: previous ? null : new Date(deployment.finishedAt!.getTime() - target.settings.backfillHorizonDays * DAY),
    });
    const fetched = [...deployed.fetched, ...resolved.fetched];
    deployed = null;
    await db.transaction(async (tx) => {
      await storeRawPayloads(tx, fetched);
      const { inserted, updated } = await upsertDeployments(tx, [
        { deployment: { ...deployment, reason: rollback ? 'rollback' : null, rollbackOf: rollback ? previous.id : null }, changes },
      ]);
      if (inserted.size + updated.size > 0) linked++;
      await saveIngestCursor(tx, linksKey, { cursor: { [deployment.sourceId]: expected } }, { merge: true });
    });
  }
  target.counts.linked = (target.counts.linked ?? 0) + linked;
};

import { and, asc, eq, like } from 'drizzle-orm';
import { deployments } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { normalizeDeployedCommits, type DeployedCommit } from '../../../lib/domain/normalize-deployed-commits';
import { stableHash } from '../../../lib/domain/stable-hash';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import type { GitlabClient } from './create-gitlab-client';
import { collectGitlabCommitWindow, collectGitlabCompare } from './collect-gitlab-records';
import { GITLAB_SOURCE } from './gitlab-ids';
import { GITLAB_CURSOR_SOURCE, type GitlabSettings } from './gitlab-settings';
import { keepGitlabCommitsTouchingPaths } from './keep-gitlab-commits-touching-paths';
import { loadGitlabMonorepoServices } from './load-gitlab-monorepo-services';
import {
  loadGitlabMergeRequestIndex,
  parseGitlabCommits,
  type MergeRequestIndex,
} from './load-gitlab-merge-request-index';
import { DAY_MS } from '../../../lib/format/time-units';

export type GitlabLinkTarget = {
  db: Executor;
  /** null: only stored comparisons are used; the rest waits for the next sync. */
  client: GitlabClient | null;
  projectId: number;
  path: string;
  service: string;
  settings: GitlabSettings;
  counts: Record<string, number>;
  checkStopped: () => void;
  /** Re-link every deployment, whatever the `links` cursor says (renormalize, after a normalizer change). */
  relink?: boolean;
};


/** The commits a deployment shipped: compared with the previous one of its environment, or the horizon's commits. */
const collectShipped = async (target: GitlabLinkTarget, base: string | null, head: string, finishedAt: Date) => {
  const since = new Date(finishedAt.getTime() - target.settings.backfillHorizonDays * DAY_MS);
  const kind = base ? 'compare' : 'commit_window';
  const sourceId = base ? `${target.path}:${base}...${head}` : `${target.path}:${head}@${since.toISOString()}`;
  const [known] = await getRawPayloads(target.db, { source: GITLAB_SOURCE, kind, sourceIds: [sourceId] });
  if (known) return { commits: parseGitlabCommits(known.payload), fetched: [] as RawPayloadInput[] };
  if (!target.client) return null;
  target.checkStopped();
  const payload = base
    ? await collectGitlabCompare(target.client, target.projectId, base, head)
    : await collectGitlabCommitWindow(
        target.client,
        target.projectId,
        head,
        since,
        finishedAt,
        target.settings.perPage,
      );
  return {
    commits: parseGitlabCommits(payload),
    fetched: [{ source: GITLAB_SOURCE, kind, sourceId, scope: target.path, payload }],
  };
};

/**
 * Links each successful production deployment of the project to the commits it shipped since the previous successful
 * deployment of the same environment (GitLab's compare), each merge request's own commits standing for its squash or
 * merge commit; the first one gets the commits within the backfill horizon. In a monorepo each service a deployment
 * names is its own chain (its previous deployment, not the project's) and carries only the commits changing its
 * paths; deployments naming no service stay the project's, whole. Only deployments whose base (or service paths)
 * changed since they were last linked are visited (the `links` cursor), and every comparison and commit diff is kept,
 * so re-linking costs nothing.
 */
export const linkGitlabDeployments = async (target: GitlabLinkTarget) => {
  const { db, path } = target;
  const production = new RegExp(target.settings.productionPattern, 'i');
  const key = { source: GITLAB_CURSOR_SOURCE, scope: path, kind: 'links' };
  const links = (await getIngestCursor<Record<string, string>>(db, key.source, key.scope, key.kind)).cursor ?? {};
  const rows = await db
    .select()
    .from(deployments)
    .where(
      and(
        eq(deployments.source, GITLAB_SOURCE),
        eq(deployments.status, 'success'),
        like(deployments.sourceId, `${path.replace(/[%_\\]/g, '\\$&')}/deployments/%`),
      ),
    )
    .orderBy(asc(deployments.finishedAt), asc(deployments.id));
  const monorepo = new Map((await loadGitlabMonorepoServices(db, path)).map((entry) => [entry.service, entry.paths]));
  const previousOf = new Map<string, (typeof rows)[number]>();
  let index: MergeRequestIndex | null = null;
  let linked = 0;
  for (const deployment of rows) {
    if (!deployment.finishedAt || !deployment.commitSha || !production.test(deployment.environment)) continue;
    // A monorepo service's deployments follow that service's previous one; ordinary ones follow the environment's.
    const paths = monorepo.get(deployment.service) ?? null;
    const chain = `${deployment.service}\u0000${deployment.environment}`;
    const previous = previousOf.get(chain);
    previousOf.set(chain, deployment);
    const base = previous ? `sha:${previous.commitSha}` : `horizon:${target.settings.backfillHorizonDays}`;
    const expected = `${base}${paths ? `|paths:${stableHash(paths)}` : ''}`;
    if (!target.relink && links[deployment.sourceId] === expected) continue;
    const shipped = await collectShipped(
      target,
      previous?.commitSha ?? null,
      deployment.commitSha,
      deployment.finishedAt,
    );
    if (!shipped) continue;
    const perPage = target.settings.perPage;
    const own = paths
      ? await keepGitlabCommitsTouchingPaths({ ...target, perPage }, shipped.commits, paths)
      : { commits: shipped.commits, fetched: [] };
    // A commit's diff not stored, and no client to ask: the next sync links it.
    if (!own) continue;
    index ??= await loadGitlabMergeRequestIndex(db, path);
    const changes = normalizeDeployedCommits({
      source: GITLAB_SOURCE,
      service: deployment.service,
      deployed: own.commits satisfies DeployedCommit[],
      requestBySha: index.requestBySha,
      requestCommits: index.requestCommits,
      horizonStart: previous
        ? null
        : new Date(deployment.finishedAt.getTime() - target.settings.backfillHorizonDays * DAY_MS),
    });
    await db.transaction(async (tx) => {
      await storeRawPayloads(tx, [...shipped.fetched, ...own.fetched]);
      const written = await upsertDeployments(tx, [{ deployment, changes }]);
      if (written.inserted.size + written.updated.size > 0) linked++;
      await saveIngestCursor(tx, key, { cursor: { [deployment.sourceId]: expected } }, { merge: true });
    });
  }
  target.counts.linked = (target.counts.linked ?? 0) + linked;
};

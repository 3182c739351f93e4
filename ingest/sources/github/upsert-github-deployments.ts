import type { Executor } from '../../../lib/db/client';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import type { DeploymentRow } from '../../../lib/domain/types';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { describeMonorepoServices } from './describe-monorepo-services';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import { parsePayload, ZDeployment, ZDeploymentStatus, type GithubDeploymentStatus } from './github-payloads';
import { loadGithubMonorepoServices } from './load-monorepo-services';
import { markDeploymentsUnlinked } from './mark-deployments-unlinked';
import { normalizeDeployment } from './normalize-deployment';

export type RawDeployment = { deployment: unknown; statuses: unknown[] };

/**
 * Stores Deployments API deployments with their statuses as raw payloads, normalizes and upserts them. Polling and
 * webhooks both end here. Changes are left alone (linking is its own step); rewritten deployments are marked for it.
 * A payload that cannot be interpreted is kept with its reason and skipped.
 */
export const upsertGithubDeployments = async (tx: Executor, fullName: string, items: RawDeployment[]) => {
  const raw: RawPayloadInput[] = [];
  const rows: DeploymentRow[] = [];
  let invalid = 0;
  const monorepo = items.length > 0 ? await loadGithubMonorepoServices(tx, fullName) : [];
  for (const item of items) {
    const parsed = parsePayload(ZDeployment, item.deployment, 'deployment');
    const id = (item.deployment as { id?: unknown } | null)?.id;
    const sourceId = githubIds.deployment(fullName, typeof id === 'number' ? id : -1);
    raw.push({
      source: GITHUB_SOURCE,
      kind: 'deployment',
      sourceId,
      scope: fullName,
      payload: item.deployment,
      error: parsed.ok ? null : parsed.error,
    });
    if (!parsed.ok) {
      invalid++;
      continue;
    }
    const statuses: GithubDeploymentStatus[] = [];
    for (const status of item.statuses) {
      const parsedStatus = parsePayload(ZDeploymentStatus, status, 'deployment status');
      const statusId = (status as { id?: unknown } | null)?.id;
      raw.push({
        source: GITHUB_SOURCE,
        kind: 'deployment_status',
        sourceId: `${sourceId}/${String(statusId)}`,
        scope: `${sourceId}/statuses`,
        payload: status,
        error: parsedStatus.ok ? null : parsedStatus.error,
      });
      if (parsedStatus.ok) statuses.push(parsedStatus.value);
    }
    rows.push(normalizeDeployment(fullName, parsed.value, statuses, monorepo));
  }
  await storeRawPayloads(tx, raw);
  // A monorepo service a deployment names becomes a service, described by its catalog file when it has one.
  const named = monorepo.filter((entry) => rows.some((row) => row.service === entry.service));
  const descriptions = named.length > 0 ? await describeMonorepoServices(tx, fullName, named) : [];
  if (descriptions.length > 0) await upsertServices(tx, descriptions);
  await ensureServices(tx, [serviceOf(fullName), ...named.map((entry) => entry.service)], GITHUB_SOURCE);
  const written = await upsertDeployments(
    tx,
    rows.map((deployment) => ({ deployment, changes: null })),
  );
  const rewritten = rows
    .filter((row) => written.inserted.has(row.id) || written.updated.has(row.id))
    .map((row) => row.sourceId);
  await markDeploymentsUnlinked(tx, fullName, rewritten);
  return { written: rewritten.length, invalid, rows };
};

import { and, eq, sql } from 'drizzle-orm';
import { incidents, rawPayloads, webhookDeliveries } from '../../../lib/db/schema';
import type { Db } from '../../../lib/db/client';
import { getRawPayloads } from '../../../lib/domain/get-raw-payloads';
import { storeRawPayloads } from '../../../lib/domain/store-raw-payloads';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { markWebhookDelivery } from '../../../lib/webhooks/mark-webhook-delivery';
import type { GithubClient } from './create-github-client';
import { describeGithubError } from './describe-github-error';
import { fetchPages } from './fetch-pages';
import { GITHUB_SOURCE, githubIds, serviceOf } from './github-ids';
import { parsePayload, ZRepository } from './github-payloads';
import type { GithubSettings, RepositorySync } from './github-settings';
import { linkDeploymentChanges } from './link-deployment-changes';
import { normalizeRepository } from './normalize-repository';
import { syncFacts } from './sync-facts';
import { upsertGithubDeployments } from './upsert-github-deployments';
import { upsertGithubIncidents } from './upsert-github-incidents';
import { upsertGithubPullRequests } from './upsert-github-pull-requests';
import { upsertGithubWorkflowRuns } from './upsert-github-workflow-runs';

export type DeliveryContext = {
  db: Db;
  /** API access (token or App) for what a payload does not carry; null: the payload alone, the next sync fills in. */
  client: GithubClient | null;
  settings: GithubSettings;
  now?: Date;
};

export type DeliveryOutcome = { status: 'processed' | 'ignored' | 'failed' | 'skipped'; event?: string; repository?: string; reason?: string };

type Payload = Record<string, unknown> & { action?: string; ref?: string };

/** The objects an event's payload must carry to be interpreted at all. */
const SUBJECTS: Record<string, string[]> = {
  deployment: ['deployment'],
  deployment_status: ['deployment', 'deployment_status'],
  workflow_run: ['workflow_run'],
  pull_request: ['pull_request'],
  pull_request_review: ['pull_request'],
  issues: ['issue'],
};

/** Deployment-shaped events change what commits deployments carry; the others do not. */
const LINKING_EVENTS = new Set(['deployment', 'deployment_status', 'workflow_run']);

const fail = async (db: Db, deliveryId: string, rawId: number | null, reason: string): Promise<DeliveryOutcome> => {
  if (rawId !== null) await db.update(rawPayloads).set({ error: reason }).where(eq(rawPayloads.id, rawId));
  await markWebhookDelivery(db, deliveryId, 'failed', reason);
  return { status: 'failed', reason };
};

const pullDetails = async (client: GithubClient | null, fullName: string, number: number, what: 'commits' | 'reviews') => {
  if (!client) return null;
  const [owner, repo] = fullName.split('/') as [string, string];
  const pages = await fetchPages<unknown>(client, `GET /repos/{owner}/{repo}/pulls/{pull_number}/${what}`, { owner, repo, pull_number: number });
  return pages.notModified ? null : pages.items;
};

/**
 * Normalizes one stored webhook delivery through the same functions polling uses, so a record seen both ways is one
 * row. What a payload lacks is fetched when API access is configured: a pull request's commits and reviews, the
 * comparison that links a deployment to its commits, and the facts after a push to the default branch. A payload that
 * cannot be interpreted marks the delivery failed with the reason (kept on the raw payload too); a transient error
 * (GitHub or the database unreachable) leaves it `received` and is thrown, so the queue retries.
 */
export const processGithubDelivery = async (context: DeliveryContext, deliveryId: string): Promise<DeliveryOutcome> => {
  const { db, client, settings } = context;
  const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, deliveryId));
  // Processed already (a redelivered job, or the sweep and the queue both had it): nothing to do twice.
  if (!delivery || delivery.status !== 'received' || delivery.rawPayloadId === null) return { status: 'skipped' };
  const [raw] = await db.select({ id: rawPayloads.id, payload: rawPayloads.payload }).from(rawPayloads).where(eq(rawPayloads.id, delivery.rawPayloadId));
  if (!raw) return fail(db, deliveryId, null, 'the stored payload is missing');
  const payload = raw.payload as Payload;
  const event = delivery.event;
  const repository = parsePayload(ZRepository, payload.repository, `${event} payload's repository`);
  if (!repository.ok) return fail(db, deliveryId, raw.id, repository.error);
  const fullName = repository.value.full_name;
  const subject = SUBJECTS[event];
  if (subject && subject.some((key) => !payload[key] || typeof payload[key] !== 'object')) return fail(db, deliveryId, raw.id, `the ${event} payload has no ${subject.join(' and ')}`);
  const [owner, repo] = fullName.split('/') as [string, string];
  const sync: RepositorySync = {
    db,
    client: client!,
    fullName,
    owner,
    repo,
    service: serviceOf(fullName),
    settings,
    now: context.now ?? new Date(),
    since: null,
    full: false,
    counts: {},
    checkStopped: () => {},
  };

  try {
    const problem = await db.transaction(async (tx): Promise<string | null> => {
      await upsertServices(tx, [normalizeRepository(repository.value)]);
      const counts = (result: { invalid: number }, what: string) => (result.invalid > 0 ? `the ${what} in the payload cannot be interpreted (see its raw payload)` : null);
      switch (event) {
        case 'repository':
          await storeRawPayloads(tx, [{ source: GITHUB_SOURCE, kind: 'repository', sourceId: fullName, scope: fullName, payload: payload.repository }]);
          return null;
        case 'deployment':
        case 'deployment_status': {
          const deployment = payload.deployment as { id?: number } | undefined;
          const sourceId = githubIds.deployment(fullName, typeof deployment?.id === 'number' ? deployment.id : -1);
          const stored = await getRawPayloads(tx, { source: GITHUB_SOURCE, kind: 'deployment_status', scope: `${sourceId}/statuses` });
          const statuses = [...stored.map((row) => row.payload), ...(event === 'deployment_status' ? [payload.deployment_status] : [])];
          return counts(await upsertGithubDeployments(tx, fullName, [{ deployment, statuses }]), 'deployment');
        }
        case 'workflow_run': {
          const [usesApi] = await tx.select({ one: sql`1` }).from(rawPayloads).where(and(eq(rawPayloads.source, GITHUB_SOURCE), eq(rawPayloads.kind, 'deployment'), eq(rawPayloads.scope, fullName))).limit(1);
          return counts(await upsertGithubWorkflowRuns(tx, fullName, [payload.workflow_run], { deployWorkflowPattern: settings.deployWorkflowPattern, usesDeploymentsApi: Boolean(usesApi) }), 'workflow run');
        }
        case 'pull_request':
        case 'pull_request_review': {
          const pull = payload.pull_request as { number?: number } | undefined;
          const number = typeof pull?.number === 'number' ? pull.number : -1;
          const commits = event === 'pull_request' && number > 0 ? await pullDetails(client, fullName, number, 'commits') : null;
          const reviews = number > 0 ? await pullDetails(client, fullName, number, 'reviews') : null;
          return counts(await upsertGithubPullRequests(tx, fullName, [{ pull, commits, reviews }]), 'pull request');
        }
        case 'issues': {
          const issue = payload.issue as { number?: number } | undefined;
          if (payload.action === 'deleted' && typeof issue?.number === 'number') {
            await tx.delete(incidents).where(eq(incidents.id, `github:incident:${githubIds.incident(fullName, issue.number)}`));
            return null;
          }
          return counts(await upsertGithubIncidents(tx, fullName, [issue], settings.incidentLabel, { complete: false }), 'issue');
        }
        default:
          return null;
      }
    });
    if (problem) return fail(db, deliveryId, raw.id, problem);
    if (LINKING_EVENTS.has(event)) await linkDeploymentChanges({ ...sync, client });
    if (event === 'push' && client && payload.ref === `refs/heads/${repository.value.default_branch ?? 'main'}`) {
      await syncFacts(sync, { defaultBranch: repository.value.default_branch ?? 'main' });
    }
    await markWebhookDelivery(db, deliveryId, 'processed');
    return { status: 'processed', event, repository: fullName };
  } catch (error) {
    await markWebhookDelivery(db, deliveryId, 'received', `will retry: ${describeGithubError(error)}`);
    throw error;
  }
};

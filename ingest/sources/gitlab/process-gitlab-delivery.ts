import { eq } from 'drizzle-orm';
import { rawPayloads, webhookDeliveries } from '../../../lib/db/schema';
import type { Db } from '../../../lib/db/client';
import { markWebhookDelivery } from '../../../lib/webhooks/mark-webhook-delivery';
import { collectGitlabMergeRequestCommits, collectGitlabMergeRequestNotes } from './collect-gitlab-records';
import type { GitlabClient } from './create-gitlab-client';
import { serviceOfProject } from './gitlab-ids';
import { parseGitlabPayload, ZGitlabProject } from './gitlab-payloads';
import type { GitlabSettings, ProjectSync } from './gitlab-settings';
import { statusOfGitlabError } from './gitlab-request-error';
import { linkGitlabDeployments } from './link-gitlab-deployments';
import { syncGitlabCatalog, writeGitlabService } from './sync-gitlab-catalog';
import {
  upsertGitlabDeployments,
  upsertGitlabIncidents,
  upsertGitlabMergeRequests,
  upsertGitlabPipelines,
} from './upsert-gitlab-records';

export type GitlabDeliveryContext = { db: Db; client: GitlabClient | null; settings: GitlabSettings };

export type GitlabDeliveryOutcome = {
  status: 'processed' | 'failed' | 'skipped';
  event?: string;
  project?: string;
  reason?: string;
};

type HookPayload = {
  project?: { id?: unknown };
  project_id?: unknown;
  object_attributes?: { id?: unknown; iid?: unknown };
  deployment_id?: unknown;
  ref?: unknown;
};

const fail = async (db: Db, deliveryId: string, rawId: number, reason: string): Promise<GitlabDeliveryOutcome> => {
  await db.update(rawPayloads).set({ error: reason }).where(eq(rawPayloads.id, rawId));
  await markWebhookDelivery(db, deliveryId, 'failed', reason);
  return { status: 'failed', reason };
};

const numberOf = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** The subject a hook names: deployment id, merge request iid, pipeline id or issue iid. */
const subjectOf = (event: string, payload: HookPayload) => {
  if (event === 'Deployment Hook') return numberOf(payload.deployment_id);
  if (event === 'Pipeline Hook') return numberOf(payload.object_attributes?.id);
  if (event === 'Push Hook') return 0;
  return numberOf(payload.object_attributes?.iid);
};

/**
 * Normalizes one stored GitLab delivery. A hook says what changed; the record itself is read from the API and goes
 * through the same upserts as polling, so a record seen both ways is one row with the same content (hook payloads
 * lack fields the REST answers have, e.g. a deployment's creation time). Merge requests count once merged; a push
 * to the default branch re-reads catalog-info.yaml. Without a token the delivery waits as `received`; a transient
 * error (GitLab or the database unreachable) leaves it `received` and is thrown, so the queue retries.
 */
export const processGitlabDelivery = async (
  { db, client, settings }: GitlabDeliveryContext,
  deliveryId: string,
): Promise<GitlabDeliveryOutcome> => {
  const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, deliveryId));
  if (!delivery || delivery.status !== 'received' || delivery.rawPayloadId === null) return { status: 'skipped' };
  const [raw] = await db
    .select({ id: rawPayloads.id, payload: rawPayloads.payload })
    .from(rawPayloads)
    .where(eq(rawPayloads.id, delivery.rawPayloadId));
  if (!raw) return { status: 'skipped' };
  const payload = raw.payload as HookPayload;
  const event = delivery.event;
  const projectId = numberOf(payload.project?.id) ?? numberOf(payload.project_id);
  const subject = subjectOf(event, payload);
  if (projectId === null || subject === null)
    return fail(
      db,
      deliveryId,
      raw.id,
      `the ${event} payload names no project or no ${event.replace(/ Hook$/, '').toLowerCase()}`,
    );
  if (!client) {
    await markWebhookDelivery(
      db,
      deliveryId,
      'received',
      'waiting for WAYMARK_GITLAB_TOKEN: a GitLab delivery is read through the API',
    );
    return { status: 'skipped', reason: 'no token' };
  }
  try {
    const parsed = parseGitlabPayload(ZGitlabProject, await client.api.Projects.show(projectId), 'project');
    if (!parsed.ok) return fail(db, deliveryId, raw.id, parsed.error);
    const project = parsed.value;
    const path = project.path_with_namespace;
    const sync: ProjectSync = {
      db,
      client,
      project,
      path,
      service: serviceOfProject(path),
      settings,
      full: false,
      counts: {},
      checkStopped: () => {},
    };
    switch (event) {
      case 'Deployment Hook': {
        const deployment = await client.api.Deployments.show(projectId, subject);
        await db.transaction(async (tx) => {
          await writeGitlabService(tx, project, null);
          await upsertGitlabDeployments(tx, path, [deployment]);
        });
        await linkGitlabDeployments({ ...sync, projectId });
        break;
      }
      case 'Merge Request Hook': {
        const mergeRequest = (await client.api.MergeRequests.show(projectId, subject)) as { state?: string };
        // Polling reads merged merge requests only; an opened or updated one waits until it is merged.
        const merged = mergeRequest.state === 'merged';
        const commits = merged
          ? await collectGitlabMergeRequestCommits(client, projectId, subject, settings.perPage)
          : null;
        const notes = merged
          ? await collectGitlabMergeRequestNotes(client, projectId, subject, settings.perPage)
          : null;
        await db.transaction(async (tx) => {
          await writeGitlabService(tx, project, null);
          if (commits) await upsertGitlabMergeRequests(tx, path, [{ mergeRequest, commits, notes }]);
        });
        break;
      }
      case 'Pipeline Hook': {
        const pipeline = await client.api.Pipelines.show(projectId, subject);
        await db.transaction(async (tx) => {
          await writeGitlabService(tx, project, null);
          await upsertGitlabPipelines(tx, path, [pipeline]);
        });
        break;
      }
      case 'Issue Hook':
      case 'Confidential Issue Hook': {
        const issue = await client.api.Issues.show(subject, { projectId });
        await db.transaction(async (tx) => {
          await writeGitlabService(tx, project, null);
          await upsertGitlabIncidents(tx, path, [issue], settings.incidentLabel);
        });
        break;
      }
      case 'Push Hook':
        if (payload.ref === `refs/heads/${project.default_branch ?? 'main'}`) await syncGitlabCatalog(sync);
        break;
    }
    await markWebhookDelivery(db, deliveryId, 'processed');
    return { status: 'processed', event, project: path };
  } catch (error) {
    const status = statusOfGitlabError(error);
    // A record GitLab no longer shows (deleted) or refuses: nothing to retry.
    if (status === 404 || status === 403) return fail(db, deliveryId, raw.id, (error as Error).message);
    await markWebhookDelivery(db, deliveryId, 'received', `will retry: ${(error as Error).message}`);
    throw error;
  }
};

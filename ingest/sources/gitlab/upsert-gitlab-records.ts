import type { Executor } from '../../../lib/db/client';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import type { DeploymentRow, IncidentRow, PipelineRunRow, PullRequestRow } from '../../../lib/domain/types';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { incidents, pipelineRuns, pullRequests } from '../../../lib/db/schema';
import { GITLAB_SOURCE, gitlabIds, serviceOfProject } from './gitlab-ids';
import {
  parseGitlabPayload,
  ZGitlabCommit,
  ZGitlabDeployment,
  ZGitlabIssue,
  ZGitlabMergeRequest,
  ZGitlabNote,
  ZGitlabPipeline,
  type GitlabCommit,
  type GitlabNote,
} from './gitlab-payloads';
import { normalizeGitlabDeployment } from './normalize-gitlab-deployment';
import { normalizeGitlabIncident } from './normalize-gitlab-incident';
import { normalizeGitlabMergeRequest } from './normalize-gitlab-merge-request';
import { normalizeGitlabPipeline } from './normalize-gitlab-pipeline';

/** What an upsert did to the domain rows: inserted, updated, unchanged; `written` is the first two. */
export type WriteOutcome = { written: number; inserted: number; updated: number; unchanged: number; invalid: number };

/** `store: false` (renormalize): the raw payloads are what was read from the database, not stored again. */
export type WriteOptions = { store?: boolean };

const idOf = (payload: unknown, key: 'id' | 'iid') => {
  const value = (payload as Record<string, unknown> | null)?.[key];
  return typeof value === 'number' ? value : -1;
};

const outcomeOf = (
  rows: number,
  written: { inserted: Iterable<string>; updated: Iterable<string> },
  invalid: number,
): WriteOutcome => {
  const inserted = [...written.inserted].length;
  const updated = [...written.updated].length;
  return { written: inserted + updated, inserted, updated, unchanged: rows - inserted - updated, invalid };
};

/**
 * Stores deployments as they came and upserts them; polling, webhooks and renormalize all end here. Their commit
 * links are left alone (linking is its own step). A payload that cannot be read is kept with its reason and skipped.
 */
export const upsertGitlabDeployments = async (
  tx: Executor,
  project: string,
  payloads: unknown[],
  { store = true }: WriteOptions = {},
): Promise<WriteOutcome> => {
  const raw: RawPayloadInput[] = [];
  const rows: DeploymentRow[] = [];
  for (const payload of payloads) {
    const parsed = parseGitlabPayload(ZGitlabDeployment, payload, 'deployment');
    raw.push({
      source: GITLAB_SOURCE,
      kind: 'deployment',
      sourceId: gitlabIds.deployment(project, idOf(payload, 'id')),
      scope: project,
      payload,
      error: parsed.ok ? null : parsed.error,
    });
    if (parsed.ok) rows.push(normalizeGitlabDeployment(project, parsed.value));
  }
  if (store) await storeRawPayloads(tx, raw);
  await ensureServices(tx, [serviceOfProject(project)], GITLAB_SOURCE);
  const written = await upsertDeployments(
    tx,
    rows.map((deployment) => ({ deployment, changes: null })),
  );
  return outcomeOf(rows.length, written, payloads.length - rows.length);
};

/** A merge request with its own commits and its notes (null: not read). */
export type MergeRequestItem = { mergeRequest: unknown; commits: unknown[] | null; notes?: unknown[] | null };

/** Merge requests with their own commits and notes. */
export const upsertGitlabMergeRequests = async (
  tx: Executor,
  project: string,
  items: MergeRequestItem[],
  { store = true }: WriteOptions = {},
): Promise<WriteOutcome> => {
  const raw: RawPayloadInput[] = [];
  const rows: PullRequestRow[] = [];
  for (const item of items) {
    const parsed = parseGitlabPayload(ZGitlabMergeRequest, item.mergeRequest, 'merge request');
    const sourceId = gitlabIds.mergeRequest(project, idOf(item.mergeRequest, 'iid'));
    raw.push({
      source: GITLAB_SOURCE,
      kind: 'merge_request',
      sourceId,
      scope: project,
      payload: item.mergeRequest,
      error: parsed.ok ? null : parsed.error,
    });
    if (item.commits)
      raw.push({
        source: GITLAB_SOURCE,
        kind: 'merge_request_commits',
        sourceId,
        scope: project,
        payload: item.commits,
      });
    if (item.notes)
      raw.push({ source: GITLAB_SOURCE, kind: 'merge_request_notes', sourceId, scope: project, payload: item.notes });
    if (!parsed.ok) continue;
    const commits =
      item.commits
        ?.map((commit) => parseGitlabPayload(ZGitlabCommit, commit, 'commit'))
        .flatMap((result) => (result.ok ? [result.value as GitlabCommit] : [])) ?? null;
    const notes =
      item.notes
        ?.map((note) => parseGitlabPayload(ZGitlabNote, note, 'note'))
        .flatMap((result) => (result.ok ? [result.value as GitlabNote] : [])) ?? null;
    rows.push(normalizeGitlabMergeRequest(project, parsed.value, commits, notes));
  }
  if (store) await storeRawPayloads(tx, raw);
  await ensureServices(tx, [serviceOfProject(project)], GITLAB_SOURCE);
  return outcomeOf(
    rows.length,
    await upsertRows(tx, pullRequests, rows, { key: [pullRequests.id] }),
    items.length - rows.length,
  );
};

/** Pipelines as pipeline runs. */
export const upsertGitlabPipelines = async (
  tx: Executor,
  project: string,
  payloads: unknown[],
  { store = true }: WriteOptions = {},
): Promise<WriteOutcome> => {
  const raw: RawPayloadInput[] = [];
  const rows: PipelineRunRow[] = [];
  for (const payload of payloads) {
    const parsed = parseGitlabPayload(ZGitlabPipeline, payload, 'pipeline');
    raw.push({
      source: GITLAB_SOURCE,
      kind: 'pipeline',
      sourceId: gitlabIds.pipeline(project, idOf(payload, 'id')),
      scope: project,
      payload,
      error: parsed.ok ? null : parsed.error,
    });
    if (parsed.ok) rows.push(normalizeGitlabPipeline(project, parsed.value));
  }
  if (store) await storeRawPayloads(tx, raw);
  await ensureServices(tx, [serviceOfProject(project)], GITLAB_SOURCE);
  return outcomeOf(
    rows.length,
    await upsertRows(tx, pipelineRuns, rows, { key: [pipelineRuns.id] }),
    payloads.length - rows.length,
  );
};

/** Issues that are incidents (by type or label); an issue that stopped being one is left as it was. */
export const upsertGitlabIncidents = async (
  tx: Executor,
  project: string,
  payloads: unknown[],
  incidentLabel: string,
  { store = true }: WriteOptions = {},
): Promise<WriteOutcome> => {
  const raw: RawPayloadInput[] = [];
  const rows: IncidentRow[] = [];
  let invalid = 0;
  for (const payload of payloads) {
    const parsed = parseGitlabPayload(ZGitlabIssue, payload, 'issue');
    raw.push({
      source: GITLAB_SOURCE,
      kind: 'issue',
      sourceId: gitlabIds.incident(project, idOf(payload, 'iid')),
      scope: project,
      payload,
      error: parsed.ok ? null : parsed.error,
    });
    if (!parsed.ok) invalid++;
    const row = parsed.ok ? normalizeGitlabIncident(project, parsed.value, incidentLabel) : null;
    if (row) rows.push(row);
  }
  if (store) await storeRawPayloads(tx, raw);
  await ensureServices(tx, [serviceOfProject(project)], GITLAB_SOURCE);
  return outcomeOf(rows.length, await upsertRows(tx, incidents, rows, { key: [incidents.id] }), invalid);
};

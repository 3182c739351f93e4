import type { z } from 'zod';
import type { Executor } from '../../../lib/db/client';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import type { PullRequestRow } from '../../../lib/domain/types';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { upsertServices } from '../../../lib/domain/upsert-services';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { incidents, pipelineRuns, pullRequests } from '../../../lib/db/schema';
import { describeGitlabMonorepoServices } from './describe-gitlab-monorepo-services';
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
import { loadGitlabMonorepoServices } from './load-gitlab-monorepo-services';
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

type PayloadReading<R> = { raw: RawPayloadInput[]; rows: R[]; invalid: number };

/**
 * One record per payload: each is kept as it came (with its reason when it cannot be read) and, when it parses,
 * normalized; a normalizer may answer null (an issue that is not an incident) and the payload is then only kept.
 */
const readPayloads = <T extends z.ZodType, R>(
  project: string,
  payloads: unknown[],
  read: {
    schema: T;
    what: string;
    kind: string;
    sourceId: (payload: unknown) => string;
    normalize: (value: z.infer<T>) => R | null;
  },
): PayloadReading<R> => {
  const reading: PayloadReading<R> = { raw: [], rows: [], invalid: 0 };
  for (const payload of payloads) {
    const parsed = parseGitlabPayload(read.schema, payload, read.what);
    const error = parsed.ok ? null : parsed.error;
    const sourceId = read.sourceId(payload);
    reading.raw.push({ source: GITLAB_SOURCE, kind: read.kind, sourceId, scope: project, payload, error });
    if (!parsed.ok) reading.invalid++;
    const row = parsed.ok ? read.normalize(parsed.value) : null;
    if (row) reading.rows.push(row);
  }
  return reading;
};

/** What every GitLab write does before its rows: keep the payloads (not on renormalize) and know the service. */
const keepPayloads = async (tx: Executor, project: string, raw: RawPayloadInput[], store: boolean) => {
  if (store) await storeRawPayloads(tx, raw);
  await ensureServices(tx, [serviceOfProject(project)], GITLAB_SOURCE);
};

/**
 * Stores deployments as they came and upserts them; polling, webhooks and renormalize all end here. Their commit
 * links are left alone (linking is its own step). A payload that cannot be read is kept with its reason and skipped.
 * In a monorepo, a service a deployment names becomes a service, described by its catalog file when it has one.
 */
export const upsertGitlabDeployments = async (
  tx: Executor,
  project: string,
  payloads: unknown[],
  { store = true }: WriteOptions = {},
): Promise<WriteOutcome> => {
  const monorepo = payloads.length > 0 ? await loadGitlabMonorepoServices(tx, project) : [];
  const { raw, rows, invalid } = readPayloads(project, payloads, {
    schema: ZGitlabDeployment,
    what: 'deployment',
    kind: 'deployment',
    sourceId: (payload) => gitlabIds.deployment(project, idOf(payload, 'id')),
    normalize: (value) => normalizeGitlabDeployment(project, value, monorepo),
  });
  await keepPayloads(tx, project, raw, store);
  const named = monorepo.filter((entry) => rows.some((row) => row.service === entry.service));
  const descriptions = named.length > 0 ? await describeGitlabMonorepoServices(tx, project, named) : [];
  if (descriptions.length > 0) await upsertServices(tx, descriptions);
  if (named.length > 0)
    await ensureServices(
      tx,
      named.map((entry) => entry.service),
      GITLAB_SOURCE,
    );
  const written = await upsertDeployments(
    tx,
    rows.map((deployment) => ({ deployment, changes: null })),
  );
  return outcomeOf(rows.length, written, invalid);
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
  await keepPayloads(tx, project, raw, store);
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
  const { raw, rows, invalid } = readPayloads(project, payloads, {
    schema: ZGitlabPipeline,
    what: 'pipeline',
    kind: 'pipeline',
    sourceId: (payload) => gitlabIds.pipeline(project, idOf(payload, 'id')),
    normalize: (value) => normalizeGitlabPipeline(project, value),
  });
  await keepPayloads(tx, project, raw, store);
  return outcomeOf(rows.length, await upsertRows(tx, pipelineRuns, rows, { key: [pipelineRuns.id] }), invalid);
};

/** Issues that are incidents (by type or label); an issue that stopped being one is left as it was. */
export const upsertGitlabIncidents = async (
  tx: Executor,
  project: string,
  payloads: unknown[],
  incidentLabel: string,
  { store = true }: WriteOptions = {},
): Promise<WriteOutcome> => {
  const { raw, rows, invalid } = readPayloads(project, payloads, {
    schema: ZGitlabIssue,
    what: 'issue',
    kind: 'issue',
    sourceId: (payload) => gitlabIds.incident(project, idOf(payload, 'iid')),
    normalize: (value) => normalizeGitlabIncident(project, value, incidentLabel),
  });
  await keepPayloads(tx, project, raw, store);
  return outcomeOf(rows.length, await upsertRows(tx, incidents, rows, { key: [incidents.id] }), invalid);
};

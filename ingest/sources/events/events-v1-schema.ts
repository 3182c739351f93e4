import { z } from 'zod';
import { DEPLOYMENT_REASONS, DEPLOYMENT_STATUSES, PIPELINE_STATUSES } from '../../../lib/domain/types';
import { ZBranchProtectionFacts, ZCatalogFacts, ZRepositoryFacts } from '../../../lib/domain/facts';
import { INPUT_LIMITS } from '../../../lib/validation/input-limits';
import { boundedText, httpUrl, requiredText, storableInteger, storableTime } from '../../../lib/validation/storable-schemas';

// Lengths and ranges come from INPUT_LIMITS, which README's events-v1 section lists.
const time = storableTime;
const name = requiredText(INPUT_LIMITS.name).trim();
const id = requiredText(INPUT_LIMITS.id);
const text = requiredText(INPUT_LIMITS.name);
const errorText = requiredText(INPUT_LIMITS.message);
const sha = z.string().regex(/^[0-9a-f]{4,64}$/i, 'must be a commit sha (hex)');

const laterThan = (earlier: string | null | undefined, later: string | null | undefined) =>
  !earlier || !later || Date.parse(later) >= Date.parse(earlier);

// Records keep unknown fields (z.looseObject): they are stored in the raw payload and otherwise ignored.
export const ZServiceRecord = z.looseObject({
  kind: z.literal('service'),
  name,
  team: name.nullish(),
  lifecycle: text.nullish(),
  tier: z.union([storableInteger, text]).nullish(),
  repository: text.nullish(),
  tags: z.array(text).max(INPUT_LIMITS.tags, `more than ${INPUT_LIMITS.tags} tags`).nullish(),
});

export const ZCommit = z.looseObject({
  sha,
  authoredAt: time,
  committedAt: time.nullish(),
  author: text.nullish(),
  message: boundedText(INPUT_LIMITS.message).nullish(),
});

export const ZDeploymentRecord = z
  .looseObject({
    kind: z.literal('deployment'),
    id,
    service: name,
    environment: text,
    status: z.enum(DEPLOYMENT_STATUSES),
    commitSha: sha.nullish(),
    startedAt: time.nullish(),
    finishedAt: time.nullish(),
    commits: z.array(ZCommit).nullish(),
    rollbackOf: id.nullish(),
    reason: z.enum(DEPLOYMENT_REASONS).nullish(),
    url: httpUrl.nullish(),
  })
  .superRefine((record, ctx) => {
    if (record.status !== 'in_progress' && !record.finishedAt) {
      ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: `required when status is ${record.status}` });
    }
    if (!laterThan(record.startedAt, record.finishedAt)) {
      ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'earlier than startedAt' });
    }
    if (record.rollbackOf && record.rollbackOf === record.id) {
      ctx.addIssue({ code: 'custom', path: ['rollbackOf'], message: 'a deployment cannot roll itself back' });
    }
  });

export const ZIncidentRecord = z
  .looseObject({
    kind: z.literal('incident'),
    id,
    service: name,
    openedAt: time,
    resolvedAt: time.nullish(),
    causedBy: id.nullish(),
    severity: text.nullish(),
    title: boundedText(INPUT_LIMITS.title).nullish(),
    url: httpUrl.nullish(),
  })
  .superRefine((record, ctx) => {
    if (!laterThan(record.openedAt, record.resolvedAt)) {
      ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'earlier than openedAt' });
    }
  });

export const ZPipelineRunRecord = z
  .looseObject({
    kind: z.literal('pipeline_run'),
    id,
    service: name,
    name: text,
    status: z.enum(PIPELINE_STATUSES),
    startedAt: time.nullish(),
    finishedAt: time.nullish(),
    commitSha: sha.nullish(),
    branch: text.nullish(),
    attempt: storableInteger.positive().nullish(),
    url: httpUrl.nullish(),
  })
  .superRefine((record, ctx) => {
    if (!laterThan(record.startedAt, record.finishedAt)) {
      ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'earlier than startedAt' });
    }
  });

/** Repository facts for the scorecard, for sources Waymark has no connector for. */
export const ZFactsRecord = z
  .looseObject({
    kind: z.literal('facts'),
    service: name,
    collectedAt: time,
    repository: ZRepositoryFacts.nullish(),
    catalog: ZCatalogFacts.nullish(),
    branchProtection: ZBranchProtectionFacts.nullish(),
    /** Collections that failed, by fact: recorded so checks say "unknown", not "fail". */
    errors: z.strictObject({ repository: errorText.optional(), catalog: errorText.optional(), branchProtection: errorText.optional() }).nullish(),
  })
  .superRefine((record, ctx) => {
    if (!record.repository && !record.catalog && !record.branchProtection && !record.errors) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a facts record needs at least one of repository, catalog, branchProtection or errors' });
    }
  });

export const RECORD_SCHEMAS = {
  service: ZServiceRecord,
  deployment: ZDeploymentRecord,
  incident: ZIncidentRecord,
  pipeline_run: ZPipelineRunRecord,
  facts: ZFactsRecord,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;
export const RECORD_KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];

export type ServiceRecord = z.infer<typeof ZServiceRecord>;
export type DeploymentRecord = z.infer<typeof ZDeploymentRecord>;
export type IncidentRecord = z.infer<typeof ZIncidentRecord>;
export type PipelineRunRecord = z.infer<typeof ZPipelineRunRecord>;
export type FactsRecord = z.infer<typeof ZFactsRecord>;
export type EventRecord = ServiceRecord | DeploymentRecord | IncidentRecord | PipelineRunRecord | FactsRecord;

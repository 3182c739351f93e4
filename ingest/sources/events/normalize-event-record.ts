import { findNamedCause, toCauseColumns } from '../../../lib/domain/find-named-cause';
import type { FactKind, FactObservation } from '../../../lib/domain/facts';
import { makeChangeId, makeId } from '../../../lib/domain/ids';
import type { ChangeRow, DeploymentRow, IncidentRow, PipelineRunRow, ServiceRow } from '../../../lib/domain/types';
import type { EventRecord, FactsRecord } from './events-v1-schema';

export type NormalizedRecord =
  | { kind: 'service'; key: string; service: ServiceRow }
  | { kind: 'deployment'; key: string; deployment: DeploymentRow; changes: ChangeRow[] | null }
  | { kind: 'incident'; key: string; incident: IncidentRow }
  | { kind: 'pipeline_run'; key: string; pipelineRun: PipelineRunRow }
  | { kind: 'facts'; key: string; service: string; facts: FactObservation[] };

const date = (value: string | null | undefined) => (value ? new Date(value) : null);

const FACT_FIELDS: ReadonlyArray<[keyof FactsRecord & ('repository' | 'catalog' | 'branchProtection'), FactKind]> = [
  ['repository', 'repository'],
  ['catalog', 'catalog'],
  ['branchProtection', 'branch_protection'],
];

const normalizeFacts = (record: FactsRecord, source: string): FactObservation[] => {
  const collectedAt = new Date(record.collectedAt);
  const observations: FactObservation[] = [];
  for (const [field, kind] of FACT_FIELDS) {
    const error = record.errors?.[field];
    const data = record[field];
    if (error)
      observations.push({ service: record.service, kind, source, collectedAt, status: 'error', data: null, error });
    else if (data)
      observations.push({
        service: record.service,
        kind,
        source,
        collectedAt,
        status: 'ok',
        data: data as Record<string, unknown>,
        error: null,
      });
  }
  return observations;
};

/**
 * Maps one validated events-v1 record to domain rows. Pure: ids are derived from (source, kind, id), so the same
 * record always gives the same rows, whatever order records arrive in.
 */
export const normalizeEventRecord = (record: EventRecord, source: string): NormalizedRecord => {
  switch (record.kind) {
    case 'service':
      return {
        kind: 'service',
        key: record.name,
        service: {
          name: record.name,
          team: record.team ?? null,
          lifecycle: record.lifecycle ?? null,
          tier: record.tier === null || record.tier === undefined ? null : String(record.tier),
          repository: record.repository ?? null,
          tags: record.tags ?? null,
          source,
          sourceId: record.name,
        },
      };
    case 'deployment': {
      const id = makeId(source, 'deployment', record.id);
      const changes =
        record.commits?.map((commit): ChangeRow => ({
          id: makeChangeId(source, record.service, commit.sha.toLowerCase()),
          source,
          sourceId: `${record.service}@${commit.sha.toLowerCase()}`,
          service: record.service,
          sha: commit.sha.toLowerCase(),
          authoredAt: new Date(commit.authoredAt),
          committedAt: date(commit.committedAt),
          author: commit.author ?? null,
          title: commit.message ? (commit.message.split('\n')[0] ?? null) : null,
          url: null,
          pullRequestId: null,
        })) ?? null;
      return {
        kind: 'deployment',
        key: record.id,
        deployment: {
          id,
          source,
          sourceId: record.id,
          url: record.url ?? null,
          service: record.service,
          environment: record.environment,
          status: record.status,
          commitSha: record.commitSha?.toLowerCase() ?? null,
          startedAt: date(record.startedAt),
          finishedAt: date(record.finishedAt),
          rollbackOf: record.rollbackOf ? makeId(source, 'deployment', record.rollbackOf) : null,
          reason: record.reason ?? null,
        },
        changes,
      };
    }
    case 'incident':
      return {
        kind: 'incident',
        key: record.id,
        incident: {
          id: makeId(source, 'incident', record.id),
          source,
          sourceId: record.id,
          url: record.url ?? null,
          service: record.service,
          title: record.title ?? null,
          severity: record.severity ?? null,
          openedAt: new Date(record.openedAt),
          resolvedAt: date(record.resolvedAt),
          causedBy: record.causedBy ? makeId(source, 'deployment', record.causedBy) : null,
          // A title naming a commit, a request or a deployment URL attributes it as every source's text does.
          ...toCauseColumns(findNamedCause(record.title)),
        },
      };
    case 'pipeline_run':
      return {
        kind: 'pipeline_run',
        key: record.id,
        pipelineRun: {
          id: makeId(source, 'pipeline_run', record.id),
          source,
          sourceId: record.id,
          url: record.url ?? null,
          service: record.service,
          name: record.name,
          status: record.status,
          commitSha: record.commitSha?.toLowerCase() ?? null,
          branch: record.branch ?? null,
          attempt: record.attempt ?? 1,
          startedAt: date(record.startedAt),
          finishedAt: date(record.finishedAt),
        },
      };
    case 'facts':
      return {
        kind: 'facts',
        key: `${record.service}@${record.collectedAt}`,
        service: record.service,
        facts: normalizeFacts(record, source),
      };
  }
};

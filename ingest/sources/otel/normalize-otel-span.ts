import { makeId } from '../../../lib/domain/ids';
import type { DeploymentRow, PipelineRunRow } from '../../../lib/domain/types';
import type { OtlpSpan } from './otlp-schema';

export const OTEL_SOURCE = 'otel';

export type OtelRecord =
  { kind: 'deployment'; row: DeploymentRow } | { kind: 'pipeline_run'; row: PipelineRunRow } | { kind: 'ignored' };

const nanosToDate = (value: string | number) => new Date(Number(BigInt(value) / 1_000_000n));

/** cicd.pipeline.result (and .task.run.result) values of the semantic conventions → Waymark statuses. */
const RESULTS: Record<string, PipelineRunRow['status']> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
  timeout: 'failure',
  cancellation: 'cancelled',
  skip: 'cancelled',
};

const statusOf = (
  attributes: ReadonlyMap<string, string>,
  keys: string[],
  spanStatus: number | undefined,
): 'success' | 'failure' | 'cancelled' => {
  for (const key of keys) {
    const value = attributes.get(key)?.toLowerCase();
    if (value === 'succeeded') return 'success';
    if (value === 'failed') return 'failure';
    if (value && RESULTS[value]) return RESULTS[value] as 'success' | 'failure' | 'cancelled';
  }
  // The span's own status: 2 is ERROR in OTLP.
  return spanStatus === 2 ? 'failure' : 'success';
};

/**
 * One span following OpenTelemetry's CI/CD semantic conventions. A deployment: `cicd.pipeline.task.type = deploy`, or
 * any `deployment.*` attribute, with a `deployment.environment.name` (span or resource); its status from
 * `deployment.status`, else `cicd.pipeline.task.run.result`, else the span status. A pipeline run: a span with
 * `cicd.pipeline.name` and no `cicd.pipeline.task.*` attribute (the run's root span); its status from
 * `cicd.pipeline.result`. Both: commit `vcs.ref.head.revision`; service `vcs.repository.name`, else the
 * `service.name` of the span or its resource; times from the span. Anything else is ignored.
 */
export const normalizeOtelSpan = (span: OtlpSpan, attributes: ReadonlyMap<string, string>): OtelRecord => {
  const keys = [...attributes.keys()];
  const service = attributes.get('vcs.repository.name') ?? attributes.get('service.name');
  const commitSha = attributes.get('vcs.ref.head.revision') ?? null;
  const startedAt = nanosToDate(span.startTimeUnixNano);
  const finishedAt = nanosToDate(span.endTimeUnixNano);
  const environment = attributes.get('deployment.environment.name');
  const isDeploy =
    attributes.get('cicd.pipeline.task.type') === 'deploy' ||
    keys.some((key) => key.startsWith('deployment.') && key !== 'deployment.environment.name');
  if (isDeploy && environment && service) {
    const sourceId = attributes.get('deployment.id') ?? `${span.traceId}/${span.spanId}`;
    return {
      kind: 'deployment',
      row: {
        id: makeId(OTEL_SOURCE, 'deployment', sourceId),
        source: OTEL_SOURCE,
        sourceId,
        url: attributes.get('cicd.pipeline.task.run.url.full') ?? attributes.get('cicd.pipeline.run.url.full') ?? null,
        service,
        environment,
        status: statusOf(attributes, ['deployment.status', 'cicd.pipeline.task.run.result'], span.status?.code),
        commitSha,
        startedAt,
        finishedAt,
        rollbackOf: null,
        reason: null,
      },
    };
  }
  const pipeline = attributes.get('cicd.pipeline.name');
  if (pipeline && service && !keys.some((key) => key.startsWith('cicd.pipeline.task.'))) {
    const sourceId = attributes.get('cicd.pipeline.run.id')
      ? `${pipeline}#${attributes.get('cicd.pipeline.run.id')}`
      : `${span.traceId}/${span.spanId}`;
    return {
      kind: 'pipeline_run',
      row: {
        id: makeId(OTEL_SOURCE, 'pipeline_run', sourceId),
        source: OTEL_SOURCE,
        sourceId,
        url: attributes.get('cicd.pipeline.run.url.full') ?? null,
        service,
        name: pipeline,
        status: statusOf(attributes, ['cicd.pipeline.result'], span.status?.code),
        commitSha,
        branch: attributes.get('vcs.ref.head.name') ?? null,
        startedAt,
        finishedAt,
      },
    };
  }
  return { kind: 'ignored' };
};

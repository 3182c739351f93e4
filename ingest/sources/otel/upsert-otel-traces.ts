import { pipelineRuns } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import type { DeploymentRow, PipelineRunRow } from '../../../lib/domain/types';
import { normalizeOtelSpan } from './normalize-otel-span';
import { flattenAttributes, type OtlpTraces } from './otlp-schema';
import { OTEL_SOURCE } from './normalize-otel-span';

/** Writes the deployments and pipeline runs an export's spans describe (a span's attributes over its resource's). */
export const upsertOtelTraces = async (tx: Executor, traces: OtlpTraces) => {
  const deploymentRows: DeploymentRow[] = [];
  const runRows: PipelineRunRow[] = [];
  let spans = 0;
  for (const resourceSpans of traces.resourceSpans) {
    const resource = flattenAttributes(resourceSpans.resource?.attributes);
    for (const scope of resourceSpans.scopeSpans) {
      for (const span of scope.spans) {
        spans++;
        const record = normalizeOtelSpan(span, new Map([...resource, ...flattenAttributes(span.attributes)]));
        if (record.kind === 'deployment') deploymentRows.push(record.row);
        if (record.kind === 'pipeline_run') runRows.push(record.row);
      }
    }
  }
  const services = new Set([...deploymentRows, ...runRows].map((row) => row.service));
  await ensureServices(tx, services, OTEL_SOURCE);
  await upsertDeployments(
    tx,
    deploymentRows.map((deployment) => ({ deployment, changes: null })),
  );
  await upsertRows(tx, pipelineRuns, runRows, { key: [pipelineRuns.id] });
  return {
    counts: { spans, deployments: deploymentRows.length, pipelineRuns: runRows.length },
    services: [...services],
  };
};

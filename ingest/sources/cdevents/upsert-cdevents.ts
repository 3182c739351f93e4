import { and, desc, eq, inArray, lt, ne, or, isNull } from 'drizzle-orm';
import { deployments, incidents, pipelineRuns, pullRequests, rawPayloads } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { storeRawPayloads } from '../../../lib/domain/store-raw-payloads';
import { upsertDeployments } from '../../../lib/domain/upsert-deployments';
import { isMappedType, validateCdevent, type Cdevent } from './cdevents-schema';
import {
  CDEVENTS_SOURCE,
  eventKey,
  normalizeCdeventChange,
  normalizeCdeventDeployment,
  normalizeCdeventIncident,
  normalizeCdeventPipelineRun,
  subjectKey,
  type CdeventServices,
} from './normalize-cdevent';

export type CdeventCounts = {
  events: number;
  deployments: number;
  incidents: number;
  pipelineRuns: number;
  pullRequests: number;
  unplaced: number;
  ignored: number;
};

const DEPLOYMENT_TYPES = new Set(['service.deployed', 'service.upgraded', 'service.rolledback']);

const subjectOf = (event: Cdevent) => event.type.split('.')[0]!;

/** The deployment a rollback undoes: the service's latest earlier deployment to that environment, not a rollback. */
const findRolledBack = async (
  tx: Executor,
  row: { id: string; service: string; environment: string; finishedAt?: Date | null },
) => {
  const [previous] = await tx
    .select({ id: deployments.id })
    .from(deployments)
    .where(
      and(
        eq(deployments.service, row.service),
        eq(deployments.environment, row.environment),
        lt(deployments.finishedAt, row.finishedAt!),
        ne(deployments.id, row.id),
        or(isNull(deployments.reason), ne(deployments.reason, 'rollback')),
      ),
    )
    .orderBy(desc(deployments.finishedAt), desc(deployments.id))
    .limit(1);
  return previous?.id ?? null;
};

/**
 * Stores validated events as they came (one raw payload each, scoped by subject, so an incident's events are found
 * together) and writes what they mean: deployments (a rollback linked to the deployment it undoes), incidents
 * re-derived from every stored event of their subject, pipeline runs and merged changes. Events whose service cannot
 * be told are kept as raw payloads and counted as `unplaced`; types Waymark does not map as `ignored`.
 */
export const upsertCdevents = async (tx: Executor, events: Cdevent[], services: CdeventServices) => {
  const counts: CdeventCounts = {
    events: events.length,
    deployments: 0,
    incidents: 0,
    pipelineRuns: 0,
    pullRequests: 0,
    unplaced: 0,
    ignored: 0,
  };
  await storeRawPayloads(
    tx,
    events.map((event) => ({
      source: CDEVENTS_SOURCE,
      kind: subjectOf(event),
      sourceId: eventKey(event),
      scope: subjectKey(event),
      payload: { context: event.context, subject: event.subject },
    })),
  );
  const byTime = [...events].sort((a, b) => Date.parse(a.context.timestamp) - Date.parse(b.context.timestamp));
  const deploymentRows = byTime
    .filter((event) => DEPLOYMENT_TYPES.has(event.type))
    .map((event) => normalizeCdeventDeployment(event, services));
  const runs = byTime
    .filter((event) => event.type === 'pipelinerun.finished')
    .map((event) => normalizeCdeventPipelineRun(event, services));
  const changes = byTime
    .filter((event) => event.type === 'change.merged')
    .map((event) => normalizeCdeventChange(event, services));
  const subjects = [...new Set(byTime.filter((event) => event.type.startsWith('incident.')).map(subjectKey))];
  const stored = subjects.length
    ? await tx
        .select({ scope: rawPayloads.scope, payload: rawPayloads.payload })
        .from(rawPayloads)
        .where(
          and(
            eq(rawPayloads.source, CDEVENTS_SOURCE),
            eq(rawPayloads.kind, 'incident'),
            inArray(rawPayloads.scope, subjects),
          ),
        )
    : [];
  const incidentRows = subjects.map((subject) =>
    normalizeCdeventIncident(
      stored
        .filter((row) => row.scope === subject)
        .flatMap((row) => {
          const parsed = validateCdevent(row.payload);
          return parsed.ok ? [parsed.event] : [];
        }),
      services,
    ),
  );
  const placed = <T>(rows: (T | null)[]) => rows.filter((row): row is T => row !== null);
  const touched = new Set(
    [...deploymentRows, ...placed(runs), ...placed(changes), ...placed(incidentRows)].map((row) => row.service),
  );
  await ensureServices(tx, touched, CDEVENTS_SOURCE);
  // Rollbacks after the deployments of the same batch, each linked to what was there before it.
  for (const row of deploymentRows) {
    if (row.reason === 'rollback') row.rollbackOf = await findRolledBack(tx, row);
    await upsertDeployments(tx, [{ deployment: row, changes: null }]);
  }
  await upsertRows(tx, pipelineRuns, placed(runs), { key: [pipelineRuns.id] });
  await upsertRows(tx, pullRequests, placed(changes), { key: [pullRequests.id] });
  await upsertRows(tx, incidents, placed(incidentRows), { key: [incidents.id] });
  counts.deployments = deploymentRows.length;
  counts.pipelineRuns = placed(runs).length;
  counts.pullRequests = placed(changes).length;
  counts.incidents = placed(incidentRows).length;
  counts.unplaced =
    runs.length - counts.pipelineRuns + changes.length - counts.pullRequests + incidentRows.length - counts.incidents;
  counts.ignored = events.filter((event) => !isMappedType(event.type)).length;
  return { counts, services: [...touched] };
};

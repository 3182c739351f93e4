import { and, eq, inArray } from 'drizzle-orm';
import { incidents, rawPayloads } from '../../../lib/db/schema';
import type { Executor } from '../../../lib/db/client';
import { upsertRows } from '../../../lib/db/upsert-rows';
import { ensureServices } from '../../../lib/domain/ensure-services';
import { makeId } from '../../../lib/domain/ids';
import {
  clearUnmappedRecords,
  listUnmappedSourceIds,
  recordUnmappedRecords,
  type UnmappedRecordInput,
} from '../../../lib/domain/record-unmapped-records';
import type { IncidentRow } from '../../../lib/domain/types';
import { parsePayload } from '../../../lib/validation/parse-payload';
import { loadPagerdutyServiceMapping } from './load-pagerduty-service-mapping';
import { mapPagerdutyService } from './map-pagerduty-service';
import { normalizePagerdutyIncident } from './normalize-pagerduty-incident';
import { PAGERDUTY_KINDS, PAGERDUTY_SOURCE } from './pagerduty-ids';
import { ZPagerdutyIncident, ZPagerdutyLogEntry, type PagerdutyLogEntry } from './pagerduty-payloads';

export type PagerdutyUpsertOutcome = { incidents: number; unmapped: number; invalid: number; services: string[] };

const CHUNK = 1000;

const loadRaw = (db: Executor, kind: string, column: 'sourceId' | 'scope', ids: string[]) =>
  db
    .select({ sourceId: rawPayloads.sourceId, payload: rawPayloads.payload })
    .from(rawPayloads)
    .where(
      and(eq(rawPayloads.source, PAGERDUTY_SOURCE), eq(rawPayloads.kind, kind), inArray(rawPayloads[column], ids)),
    );

/**
 * Re-derives the named incidents from their stored payloads (the incident and its log entries), so polling, webhooks
 * and a changed service mapping all go through one normalizer: an incident whose PagerDuty service maps is written to
 * `incidents` and leaves `unmapped_records`; one that does not map is kept in `unmapped_records` (and leaves
 * `incidents`, should its mapping have been removed). Payloads that cannot be read are counted; their raw row keeps
 * the reason. `retryUnmapped` adds every incident still unmapped (a mapping may have been added since).
 */
export const upsertPagerdutyIncidents = async (
  tx: Executor,
  incidentIds: Iterable<string>,
  configured: Record<string, string>,
  { retryUnmapped = false } = {},
): Promise<PagerdutyUpsertOutcome> => {
  const ids = [
    ...new Set([
      ...incidentIds,
      ...(retryUnmapped ? await listUnmappedSourceIds(tx, PAGERDUTY_SOURCE, 'incident') : []),
    ]),
  ];
  const outcome: PagerdutyUpsertOutcome = { incidents: 0, unmapped: 0, invalid: 0, services: [] };
  if (ids.length === 0) return outcome;
  const mapping = await loadPagerdutyServiceMapping(tx, configured);
  const touched = new Set<string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const entriesByIncident = new Map<string, PagerdutyLogEntry[]>();
    for (const raw of await loadRaw(tx, PAGERDUTY_KINDS.logEntry, 'scope', chunk)) {
      const entry = parsePayload(ZPagerdutyLogEntry, raw.payload, 'log entry');
      if (entry.ok)
        entriesByIncident.set(entry.value.incident.id, [
          ...(entriesByIncident.get(entry.value.incident.id) ?? []),
          entry.value,
        ]);
    }
    const mapped: IncidentRow[] = [];
    const unmapped: UnmappedRecordInput[] = [];
    for (const raw of await loadRaw(tx, PAGERDUTY_KINDS.incident, 'sourceId', chunk)) {
      const parsed = parsePayload(ZPagerdutyIncident, raw.payload, 'incident');
      if (!parsed.ok) {
        outcome.invalid++;
        continue;
      }
      const incident = normalizePagerdutyIncident(parsed.value, entriesByIncident.get(parsed.value.id) ?? []);
      const target = mapPagerdutyService(incident.pagerdutyService, mapping);
      const { pagerdutyService, sourceId, ...fields } = incident;
      if (target) {
        touched.add(target.service);
        mapped.push({
          id: makeId(PAGERDUTY_SOURCE, 'incident', sourceId),
          source: PAGERDUTY_SOURCE,
          sourceId,
          service: target.service,
          ...fields,
        });
      } else {
        unmapped.push({
          source: PAGERDUTY_SOURCE,
          kind: 'incident',
          sourceId,
          externalServiceId: pagerdutyService.id,
          externalServiceName: pagerdutyService.name,
          title: fields.title,
          url: fields.url,
          occurredAt: fields.openedAt,
        });
      }
    }
    await ensureServices(tx, touched, PAGERDUTY_SOURCE);
    await upsertRows(tx, incidents, mapped, { key: [incidents.id] });
    await clearUnmappedRecords(
      tx,
      PAGERDUTY_SOURCE,
      'incident',
      mapped.map((row) => row.sourceId),
    );
    await recordUnmappedRecords(tx, unmapped);
    if (unmapped.length > 0) {
      const gone = unmapped.map((row) => makeId(PAGERDUTY_SOURCE, 'incident', row.sourceId));
      await tx.delete(incidents).where(inArray(incidents.id, gone));
    }
    outcome.incidents += mapped.length;
    outcome.unmapped += unmapped.length;
  }
  outcome.services = [...touched];
  return outcome;
};

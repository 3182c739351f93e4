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
import { stableHash } from '../../../lib/domain/stable-hash';
import { storeRawPayloads } from '../../../lib/domain/store-raw-payloads';
import type { IncidentRow } from '../../../lib/domain/types';
import { parsePayload } from '../../../lib/validation/parse-payload';
import { INCIDENT_IO_KINDS, INCIDENT_IO_SOURCE } from './incident-io-ids';
import { ZIncidentIoIncident } from './incident-io-payloads';
import { loadIncidentIoServiceMapping } from './load-incident-io-service-mapping';
import { mapIncidentIoService } from './map-incident-io-service';
import { normalizeIncidentIoIncident, skipIncidentIoIncident } from './normalize-incident-io-incident';

export type IncidentIoSettings = { services: Record<string, string>; serviceFields: string[] };
export type IncidentIoUpsertOutcome = {
  incidents: number;
  unmapped: number;
  skipped: number;
  invalid: number;
  services: string[];
};

const CHUNK = 1000;
/** The unmapped record's service when an incident names no affected service at all. */
const NO_SERVICE = '(no affected service)';

const idOf = (value: unknown) => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : `unreadable:${stableHash(value).slice(0, 16)}`;
};

/** Stores incidents as fetched or delivered, each with the reason when it cannot be read; returns their ids. */
export const storeIncidentIoIncidents = async (tx: Executor, fetched: unknown[]) => {
  const parsed = fetched.map((incident) => ({
    incident,
    read: parsePayload(ZIncidentIoIncident, incident, 'incident'),
  }));
  if (parsed.length > 0)
    await storeRawPayloads(
      tx,
      parsed.map(({ incident, read }) => ({
        source: INCIDENT_IO_SOURCE,
        kind: INCIDENT_IO_KINDS.incident,
        sourceId: idOf(incident),
        payload: incident,
        error: read.ok ? null : read.error,
      })),
    );
  return parsed.flatMap(({ read }) => (read.ok ? [read.value.id] : []));
};

/**
 * Re-derives the named incidents from their stored payloads, so polling, webhooks and a changed mapping agree. An
 * incident goes to the first of its affected services that maps (one row per incident, so time to restore counts it
 * once); one whose services map to nothing is kept in `unmapped_records`; a test or tutorial incident, or one
 * declined, canceled, merged or still in triage, is not an incident: it leaves both. `retryUnmapped` adds every
 * incident still unmapped (a mapping may have been added since).
 */
export const upsertIncidentIoIncidents = async (
  tx: Executor,
  incidentIds: Iterable<string>,
  settings: IncidentIoSettings,
  { retryUnmapped = false } = {},
): Promise<IncidentIoUpsertOutcome> => {
  const ids = [
    ...new Set([
      ...incidentIds,
      ...(retryUnmapped ? await listUnmappedSourceIds(tx, INCIDENT_IO_SOURCE, 'incident') : []),
    ]),
  ];
  const outcome: IncidentIoUpsertOutcome = { incidents: 0, unmapped: 0, skipped: 0, invalid: 0, services: [] };
  if (ids.length === 0) return outcome;
  const mapping = await loadIncidentIoServiceMapping(tx, settings.services);
  const touched = new Set<string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const mapped: IncidentRow[] = [];
    const unmapped: UnmappedRecordInput[] = [];
    const skipped: string[] = [];
    const raws = await tx
      .select({ sourceId: rawPayloads.sourceId, payload: rawPayloads.payload })
      .from(rawPayloads)
      .where(
        and(
          eq(rawPayloads.source, INCIDENT_IO_SOURCE),
          eq(rawPayloads.kind, INCIDENT_IO_KINDS.incident),
          inArray(rawPayloads.sourceId, chunk),
        ),
      );
    for (const raw of raws) {
      const parsed = parsePayload(ZIncidentIoIncident, raw.payload, 'incident');
      if (!parsed.ok) {
        outcome.invalid++;
        continue;
      }
      if (skipIncidentIoIncident(parsed.value)) {
        skipped.push(parsed.value.id);
        continue;
      }
      const { affected, sourceId, ...fields } = normalizeIncidentIoIncident(parsed.value, settings.serviceFields);
      const target = affected.map((entry) => mapIncidentIoService(entry, mapping)).find(Boolean);
      if (target) {
        touched.add(target.service);
        mapped.push({
          id: makeId(INCIDENT_IO_SOURCE, 'incident', sourceId),
          source: INCIDENT_IO_SOURCE,
          sourceId,
          service: target.service,
          ...fields,
        });
        continue;
      }
      unmapped.push({
        source: INCIDENT_IO_SOURCE,
        kind: 'incident',
        sourceId,
        externalServiceId: affected[0]?.id ?? NO_SERVICE,
        externalServiceName: affected.map((entry) => entry.name ?? entry.id).join(', ') || null,
        title: fields.title,
        url: fields.url,
        occurredAt: fields.openedAt,
      });
    }
    await ensureServices(tx, touched, INCIDENT_IO_SOURCE);
    await upsertRows(tx, incidents, mapped, { key: [incidents.id] });
    await clearUnmappedRecords(tx, INCIDENT_IO_SOURCE, 'incident', [...mapped.map((row) => row.sourceId), ...skipped]);
    await recordUnmappedRecords(tx, unmapped);
    const gone = [...skipped, ...unmapped.map((row) => row.sourceId)];
    if (gone.length > 0)
      await tx
        .delete(incidents)
        .where(inArray(incidents.id, gone.map((id) => makeId(INCIDENT_IO_SOURCE, 'incident', id))));
    outcome.skipped += skipped.length;
    outcome.incidents += mapped.length;
    outcome.unmapped += unmapped.length;
  }
  outcome.services = [...touched];
  return outcome;
};

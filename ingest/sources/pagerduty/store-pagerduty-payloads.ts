import type { Executor } from '../../../lib/db/client';
import { stableHash } from '../../../lib/domain/stable-hash';
import { storeRawPayloads, type RawPayloadInput } from '../../../lib/domain/store-raw-payloads';
import { parsePayload } from '../../../lib/validation/parse-payload';
import { PAGERDUTY_KINDS, PAGERDUTY_SOURCE } from './pagerduty-ids';
import { ZPagerdutyIncident, ZPagerdutyLogEntry } from './pagerduty-payloads';

const idOf = (value: unknown) => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : `unreadable:${stableHash(value).slice(0, 16)}`;
};

/**
 * Stores incidents and log entries as fetched or received (a log entry scoped by its incident, so an incident's
 * entries are found together), each with the reason when it cannot be read. Returns the incidents they concern.
 */
export const storePagerdutyPayloads = async (
  tx: Executor,
  { incidents = [], logEntries = [] }: { incidents?: unknown[]; logEntries?: unknown[] },
) => {
  const concerned = new Set<string>();
  const raw: RawPayloadInput[] = [];
  for (const incident of incidents) {
    const parsed = parsePayload(ZPagerdutyIncident, incident, 'incident');
    if (parsed.ok) concerned.add(parsed.value.id);
    const scope = parsed.ok ? parsed.value.service.id : null;
    raw.push({
      source: PAGERDUTY_SOURCE,
      kind: PAGERDUTY_KINDS.incident,
      sourceId: idOf(incident),
      scope,
      payload: incident,
      error: parsed.ok ? null : parsed.error,
    });
  }
  for (const entry of logEntries) {
    const parsed = parsePayload(ZPagerdutyLogEntry, entry, 'log entry');
    if (parsed.ok) concerned.add(parsed.value.incident.id);
    const scope = parsed.ok ? parsed.value.incident.id : null;
    raw.push({
      source: PAGERDUTY_SOURCE,
      kind: PAGERDUTY_KINDS.logEntry,
      sourceId: idOf(entry),
      scope,
      payload: entry,
      error: parsed.ok ? null : parsed.error,
    });
  }
  if (raw.length > 0) await storeRawPayloads(tx, raw);
  return concerned;
};

import type { Db } from '../../../lib/db/client';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { collectIncidentIoIncidents } from './collect-incident-io-incidents';
import type { IncidentIoClient } from './create-incident-io-client';
import { INCIDENT_IO_SOURCE } from './incident-io-ids';
import {
  storeIncidentIoIncidents,
  upsertIncidentIoIncidents,
  type IncidentIoSettings,
} from './upsert-incident-io-incidents';
import { DAY_MS } from '../../../lib/format/time-units';

export type IncidentIoSyncSettings = IncidentIoSettings & { backfillDays: number };

export type SyncIncidentIoOptions = {
  db: Db;
  client: IncidentIoClient;
  settings: IncidentIoSyncSettings;
  /** Ignore the cursor: read the whole backfill horizon again (a reconciliation pass). */
  full?: boolean;
  now?: Date;
  /** Incidents per request (incident.io's maximum, 250, unless a test wants several pages). */
  pageSize?: number;
};

export type IncidentIoSyncOutcome = {
  pages: number;
  incidents: number;
  unmapped: number;
  skipped: number;
  invalid: number;
  requests: number;
};

const CURSOR = { source: INCIDENT_IO_SOURCE, scope: 'account', kind: 'incidents' };

/**
 * Reads the incidents updated since the cursor (the start of the previous run; the backfill horizon on the first),
 * committing each page's payloads and rows, then moves the cursor to this run's start: a stopped run leaves the
 * cursor where it was and is read again from there (upserts are idempotent), and a second run reads only what was
 * updated since the first began. Unmapped incidents are tried again every run, as a mapping may have been added.
 */
export const syncIncidentIo = ({
  db,
  client,
  settings,
  full = false,
  now = new Date(),
  pageSize,
}: SyncIncidentIoOptions) =>
  runIngest({ db, job: 'incident-io.sync', source: INCIDENT_IO_SOURCE, scope: 'account' }, async (run) => {
    const stored = full
      ? null
      : (await getIngestCursor<{ updatedSince?: string }>(db, CURSOR.source, CURSOR.scope, CURSOR.kind)).cursor;
    const since = stored?.updatedSince
      ? new Date(stored.updatedSince)
      : new Date(now.getTime() - settings.backfillDays * DAY_MS);
    const outcome: IncidentIoSyncOutcome = { pages: 0, incidents: 0, unmapped: 0, skipped: 0, invalid: 0, requests: 0 };
    const note = () => {
      outcome.requests = client.requests;
      const { pages, incidents, unmapped, skipped, invalid } = outcome;
      run.sofar = { counts: { pages, incidents, unmapped, skipped, invalid }, requestsUsed: client.requests };
    };
    await collectIncidentIoIncidents(client, since, async (page) => {
      const written = await db.transaction(async (tx) =>
        upsertIncidentIoIncidents(tx, await storeIncidentIoIncidents(tx, page), settings),
      );
      outcome.pages++;
      outcome.incidents += written.incidents;
      outcome.skipped += written.skipped;
      outcome.invalid += written.invalid;
      run.touch(written.services);
      note();
    }, pageSize);
    // Every unmapped incident, new or old, is tried once more: `unmapped` is what is still unmapped at the end.
    const retried = await db.transaction(async (tx) => {
      const written = await upsertIncidentIoIncidents(tx, [], settings, { retryUnmapped: true });
      await saveIngestCursor(tx, CURSOR, { cursor: { updatedSince: now.toISOString() } });
      return written;
    });
    outcome.incidents += retried.incidents;
    outcome.unmapped = retried.unmapped;
    run.touch(retried.services);
    note();
    return { result: outcome, ...run.sofar };
  });

import type { Db } from '../../../lib/db/client';
import { runIngest } from '../../../lib/pipeline/run-ingest';
import { getIngestCursor } from '../../../lib/runs/get-ingest-cursor';
import { saveIngestCursor } from '../../../lib/runs/save-ingest-cursor';
import { collectPagerdutyList, splitWindows } from './collect-pagerduty-list';
import { PagerdutyRequestError, type PagerdutyClient } from './create-pagerduty-client';
import { PAGERDUTY_SOURCE } from './pagerduty-ids';
import { storePagerdutyPayloads } from './store-pagerduty-payloads';
import { upsertPagerdutyIncidents } from './upsert-pagerduty-incidents';
import { DAY_MS } from '../../../lib/format/time-units';

export type PagerdutySettings = { services: Record<string, string>; backfillDays: number; windowDays: number };

export type SyncPagerdutyOptions = {
  db: Db;
  client: PagerdutyClient;
  settings: PagerdutySettings;
  /** Ignore the cursor: read the whole backfill horizon again (a reconciliation pass). */
  full?: boolean;
  now?: Date;
};

export type PagerdutySyncOutcome = {
  windows: number;
  incidents: number;
  unmapped: number;
  invalid: number;
  /** Incidents log entries named that PagerDuty no longer has (deleted with their service): nothing to update. */
  gone: number;
  requests: number;
  rateLimitRemaining: number | null;
};

const CURSOR = { source: PAGERDUTY_SOURCE, scope: 'account', kind: 'incidents' };

/** One incident by id; null on a 404 (it was deleted), so one gone incident cannot stall every later sync. */
const fetchIncident = async (client: PagerdutyClient, id: string) => {
  try {
    return (await client.get(`incidents/${encodeURIComponent(id)}`)).incident;
  } catch (error) {
    if (error instanceof PagerdutyRequestError && error.status === 404) return null;
    throw error;
  }
};

const idOf = (value: unknown) => (value as { id?: unknown } | null)?.id;
const incidentIdOf = (value: unknown) => (value as { incident?: { id?: unknown } } | null)?.incident?.id;

/**
 * Walks time from the cursor (or the backfill horizon) to now in windows of at most `windowDays`: per window, the
 * incidents created in it and the account's log entries written in it (`is_overview`: trigger, acknowledge, resolve),
 * plus, one request each, incidents created earlier that those entries show changing. Each window commits with the
 * cursor moved to its end, so a stopped run resumes at the first window not committed and a second run reads only
 * what happened since. Unmapped incidents are tried again every run, as a mapping may have been added.
 */
export const syncPagerduty = ({ db, client, settings, full = false, now = new Date() }: SyncPagerdutyOptions) =>
  runIngest({ db, job: 'pagerduty.sync', source: PAGERDUTY_SOURCE, scope: 'account' }, async (run) => {
    const stored = full
      ? null
      : (await getIngestCursor<{ until?: string }>(db, CURSOR.source, CURSOR.scope, CURSOR.kind)).cursor;
    const from = stored?.until ? new Date(stored.until) : new Date(now.getTime() - settings.backfillDays * DAY_MS);
    const outcome: PagerdutySyncOutcome = {
      windows: 0,
      incidents: 0,
      unmapped: 0,
      invalid: 0,
      gone: 0,
      requests: 0,
      rateLimitRemaining: null,
    };
    const note = () => {
      outcome.requests = client.requests;
      outcome.rateLimitRemaining = client.rateLimitRemaining;
      run.sofar = {
        counts: {
          windows: outcome.windows,
          incidents: outcome.incidents,
          unmapped: outcome.unmapped,
          invalid: outcome.invalid,
          gone: outcome.gone,
        },
        requestsUsed: client.requests,
        rateLimitRemaining: client.rateLimitRemaining,
      };
    };
    for (const window of splitWindows(from, now, settings.windowDays)) {
      const incidents = await collectPagerdutyList(client, 'incidents', 'incidents', window);
      const logEntries = await collectPagerdutyList(client, 'log_entries', 'log_entries', window, {
        is_overview: true,
      });
      const listed = new Set(incidents.map(idOf));
      const earlier = [...new Set(logEntries.map(incidentIdOf))].filter(
        (id): id is string => typeof id === 'string' && !listed.has(id),
      );
      for (const id of earlier) {
        const fetched = await fetchIncident(client, id);
        if (fetched) incidents.push(fetched);
        else outcome.gone++;
      }
      await db.transaction(async (tx) => {
        const concerned = await storePagerdutyPayloads(tx, { incidents, logEntries });
        const written = await upsertPagerdutyIncidents(tx, concerned, settings.services);
        outcome.incidents += written.incidents;
        outcome.invalid += written.invalid;
        run.touch(written.services);
        await saveIngestCursor(tx, CURSOR, { cursor: { until: window.until.toISOString() } });
      });
      outcome.windows++;
      note();
    }
    // Every unmapped incident, new or old, is tried once more here: `unmapped` is what is still unmapped at the end.
    const retried = await db.transaction((tx) =>
      upsertPagerdutyIncidents(tx, [], settings.services, { retryUnmapped: true }),
    );
    outcome.incidents += retried.incidents;
    outcome.unmapped = retried.unmapped;
    run.touch(retried.services);
    note();
    return { result: outcome, ...run.sofar };
  });

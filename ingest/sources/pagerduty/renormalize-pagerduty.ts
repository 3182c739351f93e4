import type { Db } from '../../../lib/db/client';
import { renormalizeStoredIds } from '../renormalize-source';
import { PAGERDUTY_KINDS, PAGERDUTY_SOURCE } from './pagerduty-ids';
import { upsertPagerdutyIncidents } from './upsert-pagerduty-incidents';

/**
 * Re-derives every stored incident from its payloads (the incident and its log entries) with today's normalizer and
 * service mapping, through the same `upsertPagerdutyIncidents` polling and webhooks use.
 */
export const renormalizePagerduty = (db: Db, configured: Record<string, string>) =>
  renormalizeStoredIds(db, PAGERDUTY_SOURCE, PAGERDUTY_KINDS.incident, (tx, ids) =>
    upsertPagerdutyIncidents(tx, ids, configured),
  );

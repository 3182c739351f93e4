import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../lib/db/client';
import { rawPayloads } from '../../../lib/db/schema';
import { renormalizeSource } from '../renormalize-source';
import { PAGERDUTY_KINDS, PAGERDUTY_SOURCE } from './pagerduty-ids';
import { upsertPagerdutyIncidents } from './upsert-pagerduty-incidents';

/**
 * Re-derives every stored incident from its payloads (the incident and its log entries) with today's normalizer and
 * service mapping, through the same `upsertPagerdutyIncidents` polling and webhooks use.
 */
export const renormalizePagerduty = (db: Db, configured: Record<string, string>) =>
  renormalizeSource(
    db,
    PAGERDUTY_SOURCE,
    async () => [PAGERDUTY_SOURCE],
    async (run) => {
      const ids = await db
        .select({ sourceId: rawPayloads.sourceId })
        .from(rawPayloads)
        .where(and(eq(rawPayloads.source, PAGERDUTY_SOURCE), eq(rawPayloads.kind, PAGERDUTY_KINDS.incident)));
      const written = await db.transaction((tx) =>
        upsertPagerdutyIncidents(
          tx,
          ids.map((row) => row.sourceId),
          configured,
        ),
      );
      run.touch(written.services);
      return { scopes: ids.length, invalid: written.invalid };
    },
  );

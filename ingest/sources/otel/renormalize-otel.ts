import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../lib/db/client';
import { rawPayloads, webhookDeliveries } from '../../../lib/db/schema';
import { renormalizeSource } from '../renormalize-source';
import { OTEL_SOURCE } from './normalize-otel-span';
import { ZOtlpTraces } from './otlp-schema';
import { upsertOtelTraces } from './upsert-otel-traces';

/**
 * OTel keeps each export as it came (the webhook delivery's raw payload): the exports already processed are read
 * again, in the order they arrived, through the same `upsertOtelTraces` the worker runs.
 */
export const renormalizeOtel = (db: Db) =>
  renormalizeSource(
    db,
    OTEL_SOURCE,
    async () => [OTEL_SOURCE],
    async (run) => {
      const rows = await db
        .select({ payload: rawPayloads.payload })
        .from(webhookDeliveries)
        .innerJoin(rawPayloads, eq(rawPayloads.id, webhookDeliveries.rawPayloadId))
        .where(and(eq(webhookDeliveries.source, OTEL_SOURCE), eq(webhookDeliveries.status, 'processed')))
        .orderBy(asc(rawPayloads.id));
      let invalid = 0;
      await db.transaction(async (tx) => {
        for (const row of rows) {
          const parsed = ZOtlpTraces.safeParse(row.payload);
          if (!parsed.success) {
            invalid++;
            continue;
          }
          run.touch((await upsertOtelTraces(tx, parsed.data)).services);
        }
      });
      return { scopes: rows.length, invalid };
    },
  );

import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';

export type WebhookSummary = {
  /** Deliveries received in the period, by status (received | processed | ignored | failed). */
  deliveries: { status: string; count: number; lastAt: Date }[];
  /** Requests refused before anything was stored (bad signature, oversize body, bad token), by endpoint and reason. */
  rejected: { endpoint: string; reason: string; count: number; lastAt: Date }[];
  /** The latest deliveries that failed, with why. */
  recentFailures: { deliveryId: string; event: string; reason: string | null; receivedAt: Date }[];
};

/** Webhook traffic over the last `days` days: what arrived, what was refused, and what failed to process. */
export const getWebhookSummary = async ({ db, days = 7, now = new Date() }: { db: Executor; days?: number; now?: Date }): Promise<WebhookSummary> => {
  const since = new Date(now.getTime() - days * 86_400_000);
  const sinceDay = since.toISOString().slice(0, 10);
  const [deliveries, rejected, recentFailures] = await Promise.all([
    queryRows<{ status: string; count: number; lastAt: string }>(
      db,
      sql`select status, count(*)::int as count, max(received_at)::text as "lastAt"
          from webhook_deliveries where received_at >= ${since.toISOString()}::timestamptz
          group by status order by status`,
    ),
    queryRows<{ endpoint: string; reason: string; count: number; lastAt: string }>(
      db,
      sql`select endpoint, reason, sum(count)::int as count, max(last_at)::text as "lastAt"
          from rejected_requests where day >= ${sinceDay}
          group by endpoint, reason order by count desc, endpoint, reason`,
    ),
    queryRows<{ deliveryId: string; event: string; reason: string | null; receivedAt: string }>(
      db,
      sql`select delivery_id as "deliveryId", event, reason, received_at::text as "receivedAt"
          from webhook_deliveries where status = 'failed' and received_at >= ${since.toISOString()}::timestamptz
          order by received_at desc limit 10`,
    ),
  ]);
  return {
    deliveries: deliveries.map((row) => ({ ...row, lastAt: new Date(row.lastAt) })),
    rejected: rejected.map((row) => ({ ...row, lastAt: new Date(row.lastAt) })),
    recentFailures: recentFailures.map((row) => ({ ...row, receivedAt: new Date(row.receivedAt) })),
  };
};

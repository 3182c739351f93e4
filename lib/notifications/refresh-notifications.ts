import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../config/config-schema';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query-rows';
import { notifications } from '../db/schema';
import { getIngestCursor } from '../runs/get-ingest-cursor';
import { saveIngestCursor } from '../runs/save-ingest-cursor';
import { composeCheckNotification } from './compose-check-notification';
import { deliverNotification, isRouted, type Channels } from './deliver-notification';
import { listDueCampaignReminders } from './list-due-campaign-reminders';
import { listDueTeamDigests } from './list-due-team-digests';
import { CHECK_CHANGES_PAGE, listCheckChanges } from './list-check-changes';

const CURSOR = { source: 'notifications', scope: 'check_results', kind: 'announced' };

export type NotificationsOutcome = { created: number; sent: number; failed: number };

/**
 * The explicit step that announces check changes: results written since the last run that start or end a failure
 * become notification rows (keyed by the result, so inserting one twice does nothing), then each unsent row is
 * claimed by setting `sent_at` (one process wins) and delivered. A row is claimed before it is sent, so a crash can
 * lose a message but never send one twice. The first run only marks where it starts: enabling notifications does
 * not announce the past.
 */
export const refreshNotifications = async ({
  db,
  config,
  channels,
  now = new Date(),
}: {
  db: Executor;
  config: Config;
  channels: Channels;
  now?: Date;
}): Promise<NotificationsOutcome> => {
  const outcome: NotificationsOutcome = { created: 0, sent: 0, failed: 0 };
  const [{ maxId } = { maxId: 0 }] = await queryRows<{ maxId: number }>(
    db,
    sql`select coalesce(max(id), 0)::int as "maxId" from check_results`,
  );
  const stored = (await getIngestCursor<{ afterId: number }>(db, CURSOR.source, CURSOR.scope, CURSOR.kind)).cursor;
  if (!stored) {
    await saveIngestCursor(db, CURSOR, { cursor: { afterId: maxId } });
    return outcome;
  }
  const changes = stored.afterId < maxId ? await listCheckChanges(db, stored.afterId) : [];
  const publicUrl = config.server.publicUrl ?? null;
  const messages = changes.map((change) => composeCheckNotification(change, publicUrl));
  const { digestHourUtc, thresholds, campaignReminderDays: days } = config.notifications;
  const routed = (team: string | null) => isRouted(channels, team);
  if (digestHourUtc !== null) {
    messages.push(...(await listDueTeamDigests({ db, now, hourUtc: digestHourUtc, routed, publicUrl, thresholds })));
  }
  messages.push(...(await listDueCampaignReminders({ db, now, days, routed, publicUrl })));
  // A full page leaves the cursor at its last result; the next run reads on from there.
  const afterId = changes.length === CHECK_CHANGES_PAGE ? changes.at(-1)!.resultId : maxId;
  await db.transaction(async (tx) => {
    if (messages.length > 0) {
      const inserted = await tx
        .insert(notifications)
        .values(messages)
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      outcome.created = inserted.length;
    }
    await saveIngestCursor(tx, CURSOR, { cursor: { afterId: Math.max(afterId, stored.afterId) } });
  });

  const pending = await db
    .select()
    .from(notifications)
    .where(isNull(notifications.sentAt))
    .orderBy(notifications.createdAt);
  for (const row of pending) {
    const [claimed] = await db
      .update(notifications)
      .set({ sentAt: new Date() })
      .where(and(eq(notifications.id, row.id), isNull(notifications.sentAt)))
      .returning({ id: notifications.id });
    if (!claimed) continue;
    const deliveries = await deliverNotification(channels, row);
    await db.update(notifications).set({ deliveries }).where(eq(notifications.id, row.id));
    if (Object.values(deliveries).every((result) => result === 'sent')) outcome.sent++;
    else outcome.failed++;
  }
  return outcome;
};

import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every notification Waymark decided to send, keyed by what it announces (`check-regression:<result id>`), so each
 * is claimed by one process once: a restart, or a second server, never sends it again. `deliveries` records each
 * channel's outcome; a row with none was claimed by a process that stopped before sending (sent again on its expiry).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The service a check change is about; null for a team's digest. */
    service: text('service'),
    team: text('team'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** channel → 'sent' or the error (no secret: Slack's error code, the SMTP reply). */
    deliveries: jsonb('deliveries').$type<Record<string, string>>(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notifications_created_idx').on(t.createdAt)],
);

import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Campaigns a platform user created in the UI or through `POST /api/campaigns` (those of the standards file live in
 * the file). The definition is the same object the file holds, validated by `ZCampaign` before it is stored.
 */
export const storedCampaigns = pgTable('campaigns', {
  name: text('name').primaryKey(),
  definition: jsonb('definition').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

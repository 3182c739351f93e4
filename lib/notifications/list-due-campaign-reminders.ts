import { like } from 'drizzle-orm';
import { getCampaignProgress } from '../campaigns/get-campaign-progress';
import { listCampaigns } from '../campaigns/list-campaigns';
import type { Executor } from '../db/client';
import { notifications } from '../db/schema';
import { formatCount } from '../format/format-count';
import { formatDate } from '../format/format-date';
import { formatDay } from '../scorecard/format-day';
import { getStandards } from '../scorecard/get-standards';
import { campaignPath } from '../links/name-path';
import { toPublicUrl } from '../links/to-public-url';
import { DAY_MS } from '../format/time-units';
import type { NotificationMessage } from './compose-check-notification';

/**
 * Reminders of running campaigns whose deadline is near: when the days left first reach one of `days` (say 14,
 * then 3), each team with services not done gets one message naming them and the checks in their way. A reminder
 * already written for that campaign and mark is not written again.
 */
export const listDueCampaignReminders = async ({
  db,
  now,
  days,
  routed,
  publicUrl,
}: {
  db: Executor;
  now: Date;
  days: readonly number[];
  routed: (team: string | null) => boolean;
  publicUrl: string | null;
}): Promise<NotificationMessage[]> => {
  if (days.length === 0) return [];
  const today = formatDay(now);
  const standards = getStandards();
  const reminders: NotificationMessage[] = [];
  for (const campaign of await listCampaigns({ db, standards })) {
    if (today < campaign.start || today > campaign.deadline) continue;
    const left = Math.round((Date.parse(`${campaign.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
    const mark = [...days].sort((a, b) => a - b).find((day) => left <= day);
    if (mark === undefined) continue;
    const prefix = `campaign-deadline:${campaign.name}:${mark}:`;
    const [written] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(like(notifications.id, `${prefix.replace(/[%_\\]/g, '\\$&')}%`))
      .limit(1);
    if (written) continue;
    const progress = await getCampaignProgress({ db, campaign, standards, now });
    const link = toPublicUrl(publicUrl, campaignPath(campaign.name));
    const page = link ? `\n${link}` : '';
    for (const behind of progress.behind.filter((entry) => routed(entry.team))) {
      const count = formatCount(behind.services.length, 'service');
      const when = left === 0 ? 'today' : `in ${formatCount(left, 'day')}`;
      const who = behind.team ?? 'Services without a team';
      const subject = `${campaign.title} ends ${when} (${formatDate(campaign.deadline)}): ${who} has ${count} not done`;
      const lines = behind.services.map(
        (service) => `- ${service.name}: ${service.blocking.map((check) => check.title).join('; ')}`,
      );
      const body = `${subject}. ${progress.done} of ${progress.total} services are done.\n${lines.join('\n')}${page}`;
      const id = `${prefix}${behind.team ?? '*'}`;
      reminders.push({ id, kind: 'campaign-deadline', service: null, team: behind.team, subject, body });
    }
    // Nothing behind for a routed team still marks the campaign as reminded, so it is not looked at again.
    if (!reminders.some((reminder) => reminder.id.startsWith(prefix))) {
      const subject = `${campaign.title} ends ${formatDate(campaign.deadline)}: every routed team is done`;
      reminders.push({
        id: `${prefix}done`,
        kind: 'campaign-deadline',
        service: null,
        team: null,
        subject,
        body: subject,
        silent: true,
      });
    }
  }
  return reminders;
};

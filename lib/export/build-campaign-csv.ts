import type { CampaignProgress } from '../campaigns/get-campaign-progress';
import { toCsv } from './to-csv';

/** A campaign's burn-up as CSV, the rows of the page's table: per day (or week) services done, the straight line, the total. */
export const buildCampaignCsv = (progress: CampaignProgress) =>
  toCsv(
    ['campaign', 'day', 'done', 'straight_line', 'in_scope', 'deadline'],
    progress.points.map((point) => [progress.campaign.name, point.day, point.done, point.target, progress.total, progress.campaign.deadline]),
  );

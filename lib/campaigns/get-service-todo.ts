import type { Executor } from '../db/client';
import { getService } from '../catalog/get-service';
import { formatDay } from '../scorecard/format-day';
import { getServiceScorecard } from '../scorecard/get-service-scorecard';
import type { Standards } from '../scorecard/standards-schema';
import { listCampaigns } from './list-campaigns';
import { matchCampaignScope } from './match-campaign-scope';
import { planServiceTodo } from './plan-service-todo';

/**
 * A service's scorecard (brought up to date first, see listServiceScorecards) and its to-do list, with the running
 * campaigns that hold it in scope; null when there is no such service.
 */
export const getServiceTodo = async ({ db, service, standards, now = new Date() }: { db: Executor; service: string; standards: Standards; now?: Date }) => {
  const [described, scorecard] = await Promise.all([getService({ db, name: service }), getServiceScorecard({ db, service, standards, now })]);
  if (!described || !scorecard) return null;
  const today = formatDay(now);
  const campaigns = (await listCampaigns({ db, standards })).filter((campaign) => campaign.start <= today && campaign.deadline >= today && matchCampaignScope(campaign.scope, described));
  return { scorecard, todo: planServiceTodo({ level: scorecard.level, checks: scorecard.checks, levels: standards.levels, campaigns }) };
};

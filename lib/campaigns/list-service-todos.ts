import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { services as servicesTable } from '../db/schema';
import { formatDay } from '../scorecard/format-day';
import { listServiceScorecards, type ServiceScorecard } from '../scorecard/list-service-scorecards';
import type { Standards } from '../scorecard/standards-schema';
import { listCampaigns } from './list-campaigns';
import { matchCampaignScope } from './match-campaign-scope';
import { planServiceTodo, type ServiceTodo } from './plan-service-todo';

export type ServiceTodoListing = { scorecard: ServiceScorecard; todo: ServiceTodo };

/**
 * Services' stored scorecards (see listServiceScorecards) with their to-do lists, each ordered
 * with the running campaigns that hold the service in scope: one team's, some services, or all, by name.
 */
export const listServiceTodos = async ({ db, team, services, standards, now = new Date() }: { db: Executor; team?: string; services?: readonly string[]; standards: Standards; now?: Date }): Promise<ServiceTodoListing[]> => {
  const [scorecards, described, campaigns] = await Promise.all([
    listServiceScorecards({ db, team, services, standards, now }),
    db
      .select({ name: servicesTable.name, team: servicesTable.team, tier: servicesTable.tier, lifecycle: servicesTable.lifecycle, tags: servicesTable.tags })
      .from(servicesTable)
      .where(services ? inArray(servicesTable.name, [...services]) : team !== undefined ? eq(servicesTable.team, team) : undefined)
      .orderBy(asc(servicesTable.name)),
    listCampaigns({ db, standards }),
  ]);
  const today = formatDay(now);
  const running = campaigns.filter((campaign) => campaign.start <= today && campaign.deadline >= today);
  const byName = new Map(described.map((service) => [service.name, service]));
  return scorecards.map((scorecard) => {
    const service = byName.get(scorecard.service)!;
    const inScope = running.filter((campaign) => matchCampaignScope(campaign.scope, service));
    return { scorecard, todo: planServiceTodo({ level: scorecard.level, checks: scorecard.checks, levels: standards.levels, campaigns: inScope }) };
  });
};

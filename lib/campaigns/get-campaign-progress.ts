import { asc } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { services } from '../db/schema';
import { formatDay } from '../scorecard/format-day';
import { loadBucketedSnapshots } from '../scorecard/load-bucketed-snapshots';
import { listExemptions, type ExemptionListing } from '../scorecard/list-exemptions';
import type { Standards } from '../scorecard/standards-schema';
import type { Campaign } from './campaign-schema';
import { judgeCampaignGoal } from './judge-campaign-goal';
import { matchCampaignScope } from './match-campaign-scope';
import { computeTargetLine, projectCompletion, type Projection } from './project-completion';
import { DAY_MS } from '../format/time-units';

/** Campaigns up to this long are charted day by day, longer ones week by week. */
const DAILY_UP_TO_DAYS = 120;

export type CampaignState = 'upcoming' | 'active' | 'ended';
export type BehindService = { name: string; blocking: { id: string; title: string; status: string }[] };
export type BehindTeam = { team: string | null; services: BehindService[] };

export type CampaignProgress = {
  campaign: Campaign;
  state: CampaignState;
  /** The last day charted: today, or the deadline once it has passed. */
  through: string;
  total: number;
  done: number;
  /** Per day (or week), services done against the straight line to the deadline (`target`). */
  points: { day: string; done: number; target: number }[];
  /** Teams with services not done, most such services first; each service with the checks in its way. */
  behind: BehindTeam[];
  /** Active exemptions on the goal's checks for services in scope. */
  exemptions: ExemptionListing[];
  projection: Projection;
};

const listServicesInScope = async (db: Executor, campaign: Campaign) =>
  (
    await db
      .select({ name: services.name, team: services.team, tier: services.tier, lifecycle: services.lifecycle, tags: services.tags })
      .from(services)
      .orderBy(asc(services.name))
  ).filter((service) => matchCampaignScope(campaign.scope, service));

/** The checks a goal is about: the named ones, or every check at the goal's level and below. */
const listGoalChecks = (campaign: Campaign, standards: Standards) =>
  campaign.goal.checks ?? standards.checks.filter((check) => standards.levels.indexOf(check.level) <= standards.levels.indexOf(campaign.goal.level!)).map((check) => check.id);

/**
 * A campaign's progress from the daily scorecard snapshots: which services are in scope (by their current team,
 * tier, lifecycle and tags), how many met the goal on each day from the start (burn-up), who is behind today, the
 * exemptions granted on the goal's checks, and the projected completion date at the current pace (see
 * projectCompletion). Reads only: the snapshots are kept current by the scorecard evaluation.
 */
export const getCampaignProgress = async ({ db, campaign, standards, now = new Date() }: { db: Executor; campaign: Campaign; standards: Standards; now?: Date }): Promise<CampaignProgress> => {
  const today = formatDay(now);
  const through = today < campaign.deadline ? today : campaign.deadline;
  const state: CampaignState = today < campaign.start ? 'upcoming' : today > campaign.deadline ? 'ended' : 'active';
  const inScope = await listServicesInScope(db, campaign);
  const names = inScope.map((service) => service.name);
  const span = (Date.parse(`${through}T00:00:00Z`) - Date.parse(`${campaign.start}T00:00:00Z`)) / DAY_MS;
  const bucket = span <= DAILY_UP_TO_DAYS ? 'day' : 'week';
  const rows = state === 'upcoming' || names.length === 0 ? [] : await loadBucketedSnapshots(db, { from: campaign.start, to: through, bucket, services: names });

  const doneBy = new Map<string, number>();
  for (const row of rows) {
    if (judgeCampaignGoal(campaign.goal, standards, row).done) doneBy.set(row.bucket, (doneBy.get(row.bucket) ?? 0) + 1);
  }
  const buckets = [...new Set(rows.map((row) => row.bucket))].sort();
  // Who is behind is read from the last point of the burn-up, so the list and the chart always agree.
  const latest = new Map(rows.filter((row) => row.bucket === buckets.at(-1)).map((row) => [row.service, row]));
  const counts = buckets.map((day) => ({ day, done: doneBy.get(day) ?? 0 }));
  const baseline = counts[0]?.done ?? 0;
  const total = names.length;
  const points = counts.map((point) => ({ ...point, target: computeTargetLine({ start: campaign.start, deadline: campaign.deadline, baseline, total, day: point.day }) }));

  const titles = new Map(standards.checks.map((check) => [check.id, check.title]));
  const byTeam = new Map<string | null, BehindService[]>();
  for (const service of inScope) {
    const snapshot = latest.get(service.name) ?? null;
    const judgement = judgeCampaignGoal(campaign.goal, standards, snapshot);
    if (judgement.done) continue;
    const blocking = judgement.blocking.map((id) => ({ id, title: titles.get(id) ?? id, status: snapshot?.statuses[id] ?? 'unknown' }));
    byTeam.set(service.team, [...(byTeam.get(service.team) ?? []), { name: service.name, blocking }]);
  }
  const behind = [...byTeam].map(([team, list]) => ({ team, services: list })).sort((a, b) => b.services.length - a.services.length || (a.team ?? '~').localeCompare(b.team ?? '~'));
  const goalChecks = new Set(listGoalChecks(campaign, standards));
  const inScopeNames = new Set(names);
  const exemptions = (await listExemptions({ db, standards, now })).filter((exemption) => inScopeNames.has(exemption.service) && goalChecks.has(exemption.check));
  const done = total - behind.reduce((sum, team) => sum + team.services.length, 0);
  return { campaign, state, through, total, done, points, behind, exemptions, projection: projectCompletion({ points, total, deadline: campaign.deadline }) };
};

import { computeCluster2024 } from '../../../lib/metrics/compute-cluster-2024';
import { computeDora2025 } from '../../../lib/metrics/compute-dora-2025';
import { getBenchmarkGroup } from '../../../lib/metrics/get-benchmark-group';
import type {
  DoraMetrics,
  MetricsScope,
  MetricsSettings,
  MetricsWindow,
  Tier,
} from '../../../lib/metrics/metrics-types';
import { DAY_MS, HOUR_MS } from '../../../lib/format/time-units';

/**
 * A plain reading of the definitions in METRICS.md over an in-memory history, written without looking at the SQL:
 * loops and filters, no cleverness. The property test checks the SQL against it.
 */

export type RefDeployment = {
  id: string;
  service: string;
  environment: string;
  status: string;
  finishedAt: Date | null;
  commitSha: string | null;
  rollbackOf: string | null;
  reason: string | null;
  changeIds: string[];
  url?: string | null;
};
export type RefChange = { id: string; service: string; sha: string; authoredAt: Date; pullRequestId: string | null };
export type RefIncident = {
  id: string;
  service: string;
  openedAt: Date;
  resolvedAt: Date | null;
  causedBy: string | null;
  causedBySha: string | null;
  /** A pull request or deployment URL named in the title. */
  causedByRef?: string | null;
};
export type RefPullRequest = { id: string; labels: string[]; isRevert: boolean; url?: string };
export type RefHistory = {
  services: { name: string; team: string | null }[];
  /** Changes of owner after the first (a service's first owner, in `services`, holds since always). */
  ownerChanges?: { service: string; team: string | null; since: Date }[];
  /** team → its parent team. */
  parents?: Record<string, string>;
  deployments: RefDeployment[];
  changes: RefChange[];
  incidents: RefIncident[];
  pullRequests: RefPullRequest[];
};


/** Postgres percentile_cont: linear interpolation between the closest ranks. */
export const percentileCont = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  if (lo === hi) return sorted[lo]!;
  return sorted[lo]! + (position - lo) * (sorted[hi]! - sorted[lo]!);
};

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const time = (date: Date) => date.getTime();

/** "a before b": by finish time, then by id in byte order. */
const before = (a: RefDeployment, b: RefDeployment) =>
  time(a.finishedAt!) < time(b.finishedAt!) || (time(a.finishedAt!) === time(b.finishedAt!) && a.id < b.id);

const durationTier = (value: number | null, elite: number, high: number, medium: number): Tier | null =>
  value === null ? null : value < elite ? 'elite' : value < high ? 'high' : value < medium ? 'medium' : 'low';

export const computeReferenceMetrics = (
  history: RefHistory,
  scope: MetricsScope,
  window: MetricsWindow,
  settings: MetricsSettings,
): DoraMetrics => {
  // Who owned a service at a time: its first owner, then each later change from its time on.
  const changes = [...(history.ownerChanges ?? [])].sort((x, y) => time(x.since) - time(y.since));
  const ownerAt = (service: string, at: number | null) => {
    let owner = history.services.find((s) => s.name === service)?.team ?? null;
    for (const change of changes)
      if (change.service === service && (at === null || time(change.since) <= at)) owner = change.team;
    return owner;
  };
  const inTeam = (team: string | null, root: string) => {
    for (let t = team, hops = 0; t !== null && t !== undefined && hops < 10; t = history.parents?.[t] ?? null, hops++)
      if (t === root) return true;
    return false;
  };
  // A team's scope at a time: the owner then (or today's, with teamOwners = current) is the team or below it.
  const inScope = (service: string, at: Date) =>
    'org' in scope
      ? true
      : 'service' in scope
        ? service === scope.service
        : 'team' in scope
          ? inTeam(ownerAt(service, settings.teamOwners === 'current' ? null : time(at)), scope.team)
          : scope.services.includes(service);
  const from = time(window.from);
  const to = time(window.to);
  const inWindow = (date: Date | null) => date !== null && time(date) >= from && time(date) < to;
  const production = new RegExp(settings.productionEnvironmentPattern, 'i');
  const attributionMs = settings.attributionWindowHours * HOUR_MS;
  const labels = settings.reworkLabels.map((label) => label.toLowerCase());

  const counted = history.deployments.filter(
    (d) => d.status === 'success' && d.finishedAt !== null && production.test(d.environment),
  );
  const byId = new Map(counted.map((d) => [d.id, d]));
  const changeById = new Map(history.changes.map((c) => [c.id, c]));
  const prById = new Map(history.pullRequests.map((pr) => [pr.id, pr]));
  const D = counted.filter((d) => inWindow(d.finishedAt) && inScope(d.service, d.finishedAt!));

  // The commits (service, sha) a deployment carries, with their earliest author time and whether a PR marks rework.
  const commitsOf = (d: RefDeployment) => {
    const commits = new Map<string, { authoredAt: number; reworkPr: boolean }>();
    for (const changeId of d.changeIds) {
      const change = changeById.get(changeId);
      if (!change || change.service !== d.service) continue;
      const pr = change.pullRequestId ? prById.get(change.pullRequestId) : undefined;
      const reworkPr =
        pr !== undefined && (pr.isRevert || pr.labels.some((label) => labels.includes(label.toLowerCase())));
      const seen = commits.get(change.sha);
      commits.set(change.sha, {
        authoredAt: Math.min(seen?.authoredAt ?? Infinity, time(change.authoredAt)),
        reworkPr: (seen?.reworkPr ?? false) || reworkPr,
      });
    }
    return commits;
  };
  const firstShipped = (d: RefDeployment) => {
    const mine = commitsOf(d);
    for (const other of counted) {
      if (other.service !== d.service || !before(other, d)) continue;
      for (const sha of commitsOf(other).keys()) mine.delete(sha);
    }
    return mine;
  };

  // Which deployment each incident is attributed to, if any.
  const attributed = new Map<string, RefIncident[]>();
  const attribute = (incident: RefIncident, deployment: RefDeployment | undefined) => {
    if (!deployment) return;
    attributed.set(deployment.id, [...(attributed.get(deployment.id) ?? []), incident]);
  };
  for (const incident of history.incidents) {
    if (incident.causedBy !== null) {
      attribute(incident, byId.get(incident.causedBy));
    } else if (incident.causedBySha !== null) {
      const sha = incident.causedBySha.toLowerCase();
      const shippers = counted
        .filter((d) => d.service === incident.service && (d.commitSha === sha || commitsOf(d).has(sha)))
        .sort((a, b) => (before(a, b) ? -1 : 1));
      attribute(incident, shippers[0]);
    } else if (incident.causedByRef) {
      // The deployment at that URL, or the first that carried a change of the pull request at that URL.
      const ref = incident.causedByRef;
      const requests = new Set(history.pullRequests.filter((pr) => pr.url === ref).map((pr) => pr.id));
      const ofRequest = (changeId: string) => {
        const change = changeById.get(changeId);
        return change !== undefined && change.service === incident.service && requests.has(change.pullRequestId ?? '');
      };
      const shippers = counted
        .filter((d) => d.service === incident.service && (d.url === ref || d.changeIds.some(ofRequest)))
        .sort((a, b) => (before(a, b) ? -1 : 1));
      attribute(incident, shippers[0]);
    } else {
      const earlier = counted.filter(
        (d) => d.service === incident.service && time(d.finishedAt!) <= time(incident.openedAt),
      );
      const latest = earlier.sort((a, b) => (before(a, b) ? 1 : -1))[0];
      if (latest && time(incident.openedAt) - time(latest.finishedAt!) <= attributionMs) attribute(incident, latest);
    }
  }
  const rollbacksOf = (d: RefDeployment) => counted.filter((r) => r.rollbackOf === d.id);

  const leadTimes: number[] = [];
  let failed = 0;
  let rework = 0;
  const recoveries: number[] = [];
  for (const d of D) {
    const shipped = firstShipped(d);
    for (const commit of shipped.values()) {
      const lead = (time(d.finishedAt!) - commit.authoredAt) / 1000;
      if (lead >= 0) leadTimes.push(lead);
    }
    const incidents = attributed.get(d.id) ?? [];
    const rollbacks = rollbacksOf(d);
    if (incidents.length > 0 || rollbacks.length > 0) {
      failed++;
      const candidates: number[] = [];
      if (rollbacks.length > 0) candidates.push(Math.min(...rollbacks.map((r) => time(r.finishedAt!))));
      if (incidents.length > 0 && incidents.every((i) => i.resolvedAt !== null))
        candidates.push(Math.max(...incidents.map((i) => time(i.resolvedAt!))));
      if (candidates.length > 0) {
        const recovery = (Math.min(...candidates) - time(d.finishedAt!)) / 1000;
        if (recovery >= 0) recoveries.push(recovery);
      }
    }
    const isRework =
      d.rollbackOf !== null ||
      d.reason === 'rollback' ||
      d.reason === 'hotfix' ||
      [...shipped.values()].some((c) => c.reworkPr);
    if (isRework) rework++;
  }

  const restores = history.incidents
    .filter(
      (i) => inWindow(i.resolvedAt) && inScope(i.service, i.resolvedAt!) && time(i.resolvedAt!) >= time(i.openedAt),
    )
    .map((i) => (time(i.resolvedAt!) - time(i.openedAt)) / 1000);

  // Deployment days in every full ISO week and full calendar month inside the window.
  const deployDays = new Set(D.map((d) => Math.floor(time(d.finishedAt!) / DAY_MS)));
  const daysBetween = (start: number, stop: number) =>
    [...deployDays].filter((day) => day * DAY_MS >= start && day * DAY_MS < stop).length;
  const weeks: number[] = [];
  // 1970-01-05 was a Monday.
  const monday0 = 4 * DAY_MS;
  for (let start = monday0 + Math.ceil((from - monday0) / (7 * DAY_MS)) * 7 * DAY_MS; start + 7 * DAY_MS <= to; start += 7 * DAY_MS)
    weeks.push(daysBetween(start, start + 7 * DAY_MS));
  const months: number[] = [];
  const first = new Date(from);
  let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  if (month < from) month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1);
  for (;;) {
    const m = new Date(month);
    const next = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
    if (next > to) break;
    months.push(daysBetween(month, next));
    month = next;
  }

  const n = D.length;
  const perDay = n > 0 ? n / ((to - from) / DAY_MS) : null;
  const weekMedian = n > 0 ? percentileCont(weeks, 0.5) : null;
  const monthMedian = n > 0 ? percentileCont(months, 0.5) : null;
  const frequencyTier: Tier | null =
    weekMedian === null
      ? null
      : weekMedian >= 5
        ? 'elite'
        : weekMedian >= 1
          ? 'high'
          : monthMedian !== null && monthMedian >= 1
            ? 'medium'
            : 'low';
  const leadP50 = percentileCont(leadTimes, 0.5);
  const failureRate = n > 0 ? failed / n : null;
  const recoveryP50 = percentileCont(recoveries, 0.5);
  const failureTier: Tier | null =
    failureRate === null
      ? null
      : failureRate <= 0.05
        ? 'elite'
        : failureRate <= 0.1
          ? 'high'
          : failureRate <= 0.15
            ? 'medium'
            : 'low';

  const shown = {
    deploymentFrequency: {
      deployments: n,
      perDay: round(perDay, 3),
      medianDeployDaysPerWeek: weekMedian,
      medianDeployDaysPerMonth: monthMedian,
      tier: frequencyTier,
    },
    leadTime: {
      changes: leadTimes.length,
      p50Seconds: round(leadP50, 0),
      p90Seconds: round(percentileCont(leadTimes, 0.9), 0),
      tier: durationTier(leadP50, 86_400, 7 * 86_400, 30 * 86_400),
    },
    changeFailureRate: { deployments: n, failed, rate: round(failureRate, 4), tier: failureTier },
    recoveryTime: {
      failed,
      recovered: recoveries.length,
      p50Seconds: round(recoveryP50, 0),
      tier: durationTier(recoveryP50, 3600, 86_400, 7 * 86_400),
    },
    reworkRate: { deployments: n, rework, rate: round(n > 0 ? rework / n : null, 4) },
  };
  // The 2025 model is a pure function of the shown figures; its own formulas are checked in dora-2025-model.test.ts.
  return {
    scope,
    window: {
      from: window.from.toISOString().replace('.000Z', 'Z'),
      to: window.to.toISOString().replace('.000Z', 'Z'),
    },
    edition: '2025',
    deploymentFrequency: shown.deploymentFrequency,
    leadTime: shown.leadTime,
    changeFailureRate: shown.changeFailureRate,
    recoveryTime: shown.recoveryTime,
    timeToRestore: { incidents: restores.length, p50Seconds: round(percentileCont(restores, 0.5), 0) },
    reworkRate: shown.reworkRate,
    cluster2024: computeCluster2024({
      deploysPerDay: perDay,
      leadTimeSeconds: leadP50,
      changeFailureRate: failureRate,
      recoveryTimeSeconds: recoveryP50,
    }),
    ...computeDora2025(shown, getBenchmarkGroup('industry:all')),
  };
};

import { createRandom, type Random } from './create-random';
import { DEMO_PROFILES, DEMO_SERVICES, type DemoService } from './demo-organization';
import { iso } from './demo-time';
import { DAY_MS, HOUR_MS } from '../../lib/format/time-units';
import { generateDemoFacts } from './generate-demo-facts';
import type { DemoRecord } from './generate-demo-organization';
import { isPresent } from './is-present';
import { makeDemoCommits, type DemoCommit } from './make-demo-commits';

const INCIDENT_TITLES = ['Elevated 5xx after deploy', 'Latency spike on p99', 'Checkout errors for some users', 'Queue backlog growing', 'Memory leak in workers', 'Wrong prices shown', 'Login failures'];

/** The deploy days of a monthly-release service: roughly every four to five weeks, on a weekday. */
const monthlyDays = (random: Random, days: number, start: number) => {
  const out = new Set<number>();
  for (let day = random.int(3, 15); day < days; day += random.int(26, 34)) {
    let weekday = day;
    while ([0, 6].includes(new Date(start + weekday * DAY_MS).getUTCDay())) weekday++;
    if (weekday < days) out.add(weekday);
  }
  return out;
};

/**
 * One service's 180 days: deployments with their commits, failures and their remedies (incidents, rollbacks, hotfixes),
 * CI runs, incidents no deployment caused, in time order; then its weekly facts. Draws from the service's own stream.
 */
export function* generateDemoServiceHistory(service: DemoService, seed: number, start: number, end: number, days: number): Generator<DemoRecord> {
  const random = createRandom(seed, service.name);
  const profile = DEMO_PROFILES[service.profile];
  const pace = service.pace ?? 1;
  const team = DEMO_SERVICES.findIndex((candidate) => candidate.team === service.team);
  const events: { at: number; record: DemoRecord }[] = [];
  const deployedShas: { at: number; sha: string }[] = [];
  let deploymentSeq = 0;
  let incidentSeq = 0;
  let runSeq = 0;
  let lastGood: { id: string; sha: string } | null = null;

  const emit = (at: number, record: DemoRecord) => {
    if (at < end) events.push({ at, record });
  };
  const deploymentId = () => `${service.name}-${String(++deploymentSeq).padStart(4, '0')}`;
  const deploy = (at: number, fields: Record<string, unknown>, commits: DemoCommit[] | null) => {
    const id = deploymentId();
    const head = commits?.at(-1)?.sha ?? (fields.commitSha as string);
    emit(at, {
      kind: 'deployment',
      id,
      service: service.name,
      environment: 'production',
      status: 'success',
      commitSha: head,
      startedAt: iso(at - random.between(4, 12) * 60 * 1000),
      finishedAt: iso(at),
      ...(commits ? { commits: commits.map(({ message, ...commit }) => ({ ...commit, message })) } : {}),
      reason: 'planned',
      ...fields,
    });
    if (at < end) deployedShas.push({ at, sha: head });
    return { id, sha: head };
  };
  const ciRun = (at: number, sha: string) => {
    const failedFirst = random.chance(profile.ciFailureRate);
    const duration = () => random.between(4, 14) * 60 * 1000;
    if (failedFirst) {
      const started = at - 75 * 60 * 1000;
      emit(started, { kind: 'pipeline_run', id: `${service.name}-ci-${++runSeq}`, service: service.name, name: 'ci', status: 'failure', branch: 'main', commitSha: sha, attempt: 1, startedAt: iso(started), finishedAt: iso(started + duration()) });
    }
    const started = at - random.between(20, 40) * 60 * 1000;
    emit(started, { kind: 'pipeline_run', id: `${service.name}-ci-${++runSeq}`, service: service.name, name: 'ci', status: 'success', branch: 'main', commitSha: sha, attempt: failedFirst ? 2 : 1, startedAt: iso(started), finishedAt: iso(started + duration()) });
  };
  const incident = (openedAt: number, causedBy: string | null, title: string) => {
    const resolvedAt = openedAt + Math.max(0.1, random.logNormal(profile.recoveryHours, 0.6)) * HOUR_MS;
    emit(openedAt, {
      kind: 'incident',
      id: `INC-${service.name}-${++incidentSeq}`,
      service: service.name,
      openedAt: iso(openedAt),
      // Still open when the period ends.
      resolvedAt: resolvedAt < end ? iso(resolvedAt) : null,
      causedBy,
      severity: random.pick(['sev1', 'sev2', 'sev2', 'sev3', 'sev3', 'sev3']),
      title,
    });
  };

  const releaseDays = service.profile === 'legacy' ? monthlyDays(random, days, start) : null;
  // The legacy service's own trouble comes every 10 to 18 days, whatever is deployed.
  let nextTrouble = service.profile === 'legacy' ? random.int(2, 12) : Infinity;
  for (let day = 0; day < days; day++) {
    const dayStart = start + day * DAY_MS;
    const weekday = ![0, 6].includes(new Date(dayStart).getUTCDay());
    const stopped = service.quirk?.kind === 'stopped-deploying' && day >= service.quirk.day;
    const count = releaseDays ? (releaseDays.has(day) ? 1 : 0) : stopped ? 0 : random.poisson(profile.deploysPerWeekday * pace * (weekday ? 1 : 0.03));
    const times = Array.from({ length: count }, () => dayStart + random.between(9.5, 17.5) * HOUR_MS).sort((a, b) => a - b);
    for (const at of times) {
      const golden = isPresent(service.standards.goldenDeploy, day);
      const trend = 1 - 0.1 * (day / days);
      const leadMedian = profile.leadTimeHours * pace ** -0.5 * trend * (golden ? 0.5 : 1);
      const failureRate = profile.changeFailureRate * (golden ? 0.45 : 1);
      const commits = makeDemoCommits(random, 1 + random.poisson(profile.commitsPerDeploy - 1), at, leadMedian, team);
      const head = commits.at(-1)!.sha;
      ciRun(at, head);
      let deployedAt = at;
      if (random.chance(0.03)) {
        // The deployment run itself failed; it is retried a little later with the same commits.
        emit(at, { kind: 'deployment', id: deploymentId(), service: service.name, environment: 'production', status: 'failure', commitSha: head, startedAt: iso(at - 6 * 60 * 1000), finishedAt: iso(at), commits, reason: 'planned' });
        deployedAt = at + random.between(15, 45) * 60 * 1000;
      }
      const previousGood: { id: string; sha: string } | null = lastGood;
      const deployed = deploy(deployedAt, {}, commits);
      lastGood = deployed;
      if (!random.chance(failureRate)) continue;

      const roll = random.next();
      const remedy = roll < 0.35 && previousGood ? 'rollback' : roll < 0.75 ? 'hotfix' : 'forward';
      const detectedAt = deployedAt + Math.max(0.05, random.logNormal(profile.remedyHours * 0.3, 0.5)) * HOUR_MS;
      if (remedy === 'forward' || random.chance(0.8)) incident(detectedAt, random.chance(0.6) ? deployed.id : null, random.pick(INCIDENT_TITLES));
      const remedyAt = detectedAt + Math.max(0.1, random.logNormal(profile.remedyHours, 0.4)) * HOUR_MS;
      if (remedy === 'rollback') {
        deploy(remedyAt, { reason: 'rollback', rollbackOf: deployed.id, commitSha: previousGood!.sha, commits: [] }, null);
        lastGood = previousGood;
      } else if (remedy === 'hotfix') {
        const fix = makeDemoCommits(random, 1, remedyAt, Math.max(0.3, (remedyAt - deployedAt) / HOUR_MS / 2), team);
        ciRun(remedyAt, fix[0]!.sha);
        lastGood = deploy(remedyAt, { reason: 'hotfix' }, fix);
      }
    }
    // Incidents no deployment caused (a provider outage, a batch job), so not every incident is a change failure.
    if (day === nextTrouble) {
      incident(dayStart + random.between(0, 24) * HOUR_MS, null, 'ERP sync backlog');
      nextTrouble += random.int(10, 18);
    } else if (random.chance(0.004)) incident(dayStart + random.between(0, 24) * HOUR_MS, null, 'Upstream provider degraded');
  }

  yield* events.sort((a, b) => a.at - b.at).map((event) => event.record);
  yield* generateDemoFacts(service, start, end, days, deployedShas, random);
}

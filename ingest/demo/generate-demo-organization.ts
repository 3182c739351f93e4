/**
 * The demo organization "acme", generated from a seed. Same seed and same UTC date ⇒ the same records; everything is
 * placed relative to today's UTC midnight, in the 180 days before it.
 *
 * GROUND TRUTH (what the dashboard, the scorecard and the adoption-impact analysis should find; table in
 * demo-organization.ts):
 *
 * - 40 services in 6 teams. checkout and platform are elite (about 2 deploys per weekday per service, lead time a few
 *   hours, ~4 % change failure rate, recovery under an hour) and on the golden path from the start. payments, catalog
 *   and growth are typical (about 4 deploys a week, lead time ~1.5 days, ~16 % failures, recovery ~5 h). fulfillment
 *   is slower (1–2 deploys a week, lead time ~5 days, ~22 % failures). erp-connector (fulfillment, Java) is the
 *   struggling legacy service: one release a month, lead time ~3 weeks, every other release fails, incidents every
 *   couple of weeks besides, recovery ~2 days, and it fails most standards.
 * - Org-wide trend: every service's lead time improves linearly by 10 % from the first day to the last, whatever it
 *   adopts. A naive before/after comparison therefore over-credits any adoption.
 * - golden-deploy-workflow adoption has a REAL effect: from the day a service adopts it (the deploy workflow starts
 *   using acme/platform/.github/workflows/deploy.yml@v3), its median lead time halves and its change failure rate
 *   drops to 45 % of what it was. Adopters (day of the 180): payments-api 55, search-service 70, loyalty-service 85,
 *   billing-service 95, orders-service 110, returns-service 125. tracking-api stays on @v1, which does not pass.
 * - tracing adoption (@opentelemetry/api in package.json) has NO effect: invoicing-service 45, catalog-api 60,
 *   shipping-service 75, inventory-service 90, email-campaigns 100, referral-service 120.
 * - dependency-updates adoption (renovate.json or .github/dependabot.yml) has NO effect: reviews-service 50,
 *   marketing-site 65, ledger-service 80, warehouse-sync 105, tracking-api 130.
 * - Other adoptions, also without effect: recommendations sets spec.owner on day 40, tracking-api adds CODEOWNERS on
 *   day 40, marketing-site protects main on day 90.
 * - Unknowns: ab-testing's catalog-info.yaml stops parsing on day 70 (a merge conflict), so its catalog facts are
 *   errors from then on; label-service's fact collection fails from day 150 (repository and catalog errors).
 *   product-media stops deploying on day 135, so "deployed within 30 days" fails at the end.
 * - Failures show up as incidents (80 %; 60 % of those name the deployment in causedBy, the rest rely on time
 *   attribution), rollbacks (35 %, reason rollback with rollbackOf), hotfixes (40 %, reason hotfix) or a later fix.
 *   About 3 % of deployment runs fail and are retried; CI runs fail at the profile's rate and are re-run (attempt 2).
 * - Repository facts are collected weekly (Mondays' and every 7 days' 22:00 UTC before today), branch protection too.
 */
import { normalizeCatalogInfo } from '../sources/git/normalize-catalog-info';
import { buildDemoRepository } from './build-demo-repository';
import { createRandom, type Random } from './create-random';
import { DEMO_PROFILES, DEMO_SERVICES, type DemoService } from './demo-organization';
import { isPresent } from './is-present';

export type DemoRecord = { kind: string } & Record<string, unknown>;

export type GenerateDemoOptions = { seed: number; now: Date; days?: number };

export const DEMO_DAYS = 180;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const PEOPLE = ['Amara Okafor', 'Bo Lindqvist', 'Chen Wei', 'Dana Ruiz', 'Elif Kaya', 'Farid Haddad', 'Greta Novak', 'Hiro Tanaka', 'Ines Duarte', 'Jonas Berg', 'Kofi Mensah', 'Lena Fischer', 'Mateo Rossi', 'Nadia Petrova', 'Omar Aziz', 'Priya Nair', 'Quinn Murphy', 'Rosa Alves'];
const VERBS = ['Add', 'Fix', 'Refactor', 'Update', 'Remove', 'Speed up', 'Validate', 'Log', 'Retry', 'Cache'];
const THINGS = ['request validation', 'timeout handling', 'pagination', 'error messages', 'metrics labels', 'feature flag check', 'database index', 'retry policy', 'input parsing', 'health check', 'rate limits', 'currency rounding'];
const INCIDENT_TITLES = ['Elevated 5xx after deploy', 'Latency spike on p99', 'Checkout errors for some users', 'Queue backlog growing', 'Memory leak in workers', 'Wrong prices shown', 'Login failures'];

const startOfUtcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
const iso = (ms: number) => new Date(ms).toISOString();

type Commit = { sha: string; authoredAt: string; committedAt: string; author: string; message: string };

const makeCommits = (random: Random, count: number, deployAt: number, leadMedianHours: number, team: number): Commit[] => {
  const commits: Commit[] = [];
  for (let index = 0; index < count; index++) {
    const lead = Math.max(0.25, random.logNormal(leadMedianHours, 0.7)) * HOUR;
    const authoredAt = deployAt - lead;
    // Committed (merged) somewhere between authoring and 10 minutes before the deploy.
    const committedAt = authoredAt + (lead - 10 * 60 * 1000) * random.between(0.3, 0.95);
    commits.push({ sha: random.hex(40), authoredAt: iso(authoredAt), committedAt: iso(Math.max(authoredAt, committedAt)), author: PEOPLE[(team * 3 + random.int(0, 4)) % PEOPLE.length]!, message: `${random.pick(VERBS)} ${random.pick(THINGS)}` });
  }
  return commits.sort((a, b) => a.authoredAt.localeCompare(b.authoredAt));
};

/** The deploy days of a monthly-release service: roughly every four to five weeks, on a weekday. */
const monthlyDays = (random: Random, days: number, start: number) => {
  const out = new Set<number>();
  for (let day = random.int(3, 15); day < days; day += random.int(26, 34)) {
    let weekday = day;
    while ([0, 6].includes(new Date(start + weekday * DAY).getUTCDay())) weekday++;
    if (weekday < days) out.add(weekday);
  }
  return out;
};

function* generateServiceHistory(service: DemoService, seed: number, start: number, end: number, days: number): Generator<DemoRecord> {
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
  const deploy = (at: number, fields: Record<string, unknown>, commits: Commit[] | null) => {
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
    const resolvedAt = openedAt + Math.max(0.1, random.logNormal(profile.recoveryHours, 0.6)) * HOUR;
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
    const dayStart = start + day * DAY;
    const weekday = ![0, 6].includes(new Date(dayStart).getUTCDay());
    const stopped = service.quirk?.kind === 'stopped-deploying' && day >= service.quirk.day;
    const count = releaseDays ? (releaseDays.has(day) ? 1 : 0) : stopped ? 0 : random.poisson(profile.deploysPerWeekday * pace * (weekday ? 1 : 0.03));
    const times = Array.from({ length: count }, () => dayStart + random.between(9.5, 17.5) * HOUR).sort((a, b) => a - b);
    for (const at of times) {
      const golden = isPresent(service.standards.goldenDeploy, day);
      const trend = 1 - 0.1 * (day / days);
      const leadMedian = profile.leadTimeHours * pace ** -0.5 * trend * (golden ? 0.5 : 1);
      const failureRate = profile.changeFailureRate * (golden ? 0.45 : 1);
      const commits = makeCommits(random, 1 + random.poisson(profile.commitsPerDeploy - 1), at, leadMedian, team);
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
      const detectedAt = deployedAt + Math.max(0.05, random.logNormal(profile.remedyHours * 0.3, 0.5)) * HOUR;
      if (remedy === 'forward' || random.chance(0.8)) incident(detectedAt, random.chance(0.6) ? deployed.id : null, random.pick(INCIDENT_TITLES));
      const remedyAt = detectedAt + Math.max(0.1, random.logNormal(profile.remedyHours, 0.4)) * HOUR;
      if (remedy === 'rollback') {
        deploy(remedyAt, { reason: 'rollback', rollbackOf: deployed.id, commitSha: previousGood!.sha, commits: [] }, null);
        lastGood = previousGood;
      } else if (remedy === 'hotfix') {
        const fix = makeCommits(random, 1, remedyAt, Math.max(0.3, (remedyAt - deployedAt) / HOUR / 2), team);
        ciRun(remedyAt, fix[0]!.sha);
        lastGood = deploy(remedyAt, { reason: 'hotfix' }, fix);
      }
    }
    // Incidents no deployment caused (a provider outage, a batch job), so not every incident is a change failure.
    if (day === nextTrouble) {
      incident(dayStart + random.between(0, 24) * HOUR, null, 'ERP sync backlog');
      nextTrouble += random.int(10, 18);
    } else if (random.chance(0.004)) incident(dayStart + random.between(0, 24) * HOUR, null, 'Upstream provider degraded');
  }

  yield* events.sort((a, b) => a.at - b.at).map((event) => event.record);
  yield* generateFacts(service, start, end, days, deployedShas, random);
}

function* generateFacts(service: DemoService, start: number, end: number, days: number, deployedShas: { at: number; sha: string }[], random: Random): Generator<DemoRecord> {
  // The file rarely changes from one week to the next: parse each version once.
  const catalogs = new Map<string, ReturnType<typeof normalizeCatalogInfo>>();
  const weeks = Math.floor(days / 7);
  for (let week = weeks - 1; week >= 0; week--) {
    const collectedAt = end - week * 7 * DAY - 2 * HOUR;
    const day = Math.floor((collectedAt - start) / DAY);
    const isProtected = isPresent(service.standards.protectedMain, day);
    const branchProtection = {
      branch: 'main',
      enabled: isProtected,
      requiredReviews: isProtected ? (service.profile === 'elite' ? 2 : 1) : 0,
      requireCodeOwnerReviews: isProtected && isPresent(service.standards.codeowners, day),
      requiredStatusChecks: isProtected ? ['ci / test'] : [],
      enforceAdmins: service.profile === 'elite',
      allowForcePushes: false,
      allowDeletions: false,
    };
    const base = { kind: 'facts', service: service.name, collectedAt: iso(collectedAt), branchProtection };
    if (service.quirk?.kind === 'facts-failed' && day >= service.quirk.day) {
      const error = `git clone of acme/${service.name} failed: Repository not found (the collector's token lost access)`;
      yield { ...base, errors: { repository: error, catalog: error } };
      continue;
    }
    const { paths, files } = buildDemoRepository(service, day);
    const headSha = deployedShas.filter((deployed) => deployed.at < collectedAt).at(-1)?.sha ?? random.hex(40);
    const content = files['catalog-info.yaml']!;
    if (!catalogs.has(content)) catalogs.set(content, normalizeCatalogInfo(content));
    const catalog = catalogs.get(content)!;
    yield {
      ...base,
      repository: { defaultBranch: 'main', headSha, paths, files, truncated: false },
      ...(catalog.status === 'ok' ? { catalog: catalog.entity } : { errors: { catalog: catalog.error } }),
    };
  }
}

/**
 * Generates the demo organization as events-v1 records: services, then each service's deployments (with commits),
 * incidents and pipeline runs in time order, then its weekly facts in time order. Pure and deterministic.
 */
export function* generateDemoOrganization({ seed, now, days = DEMO_DAYS }: GenerateDemoOptions): Generator<DemoRecord> {
  const end = startOfUtcDay(now);
  const start = end - days * DAY;
  for (const service of DEMO_SERVICES) {
    yield { kind: 'service', name: service.name, team: service.team, lifecycle: 'production', tier: service.tier, repository: `acme/${service.name}`, tags: [service.language] };
  }
  for (const service of DEMO_SERVICES) yield* generateServiceHistory(service, seed, start, end, days);
}

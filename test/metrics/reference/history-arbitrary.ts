import fc from 'fast-check';
import type { RefHistory } from './compute-reference-metrics';

/** Monday 2026-03-02 00:00 UTC: generated times sit on a 6-hour grid around it, so ties and window edges are common. */
export const T0 = Date.UTC(2026, 2, 2);
export const STEP_MS = 6 * 3_600_000;
export const at = (step: number) => new Date(T0 + step * STEP_MS);

export const SERVICES = [
  { name: 'api', team: 'core' },
  { name: 'web', team: 'core' },
  { name: 'batch', team: 'data' },
];

const shaOf = (service: number, index: number) => `${'abc'[service]}${index.toString(16)}`.padEnd(40, '0');
const COMMITS_PER_SERVICE = 4;

// Mostly a dense fortnight (ties, shared commits, edges), sometimes a whole quarter (full weeks and months).
const step = (dense: [number, number], wide: [number, number]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: dense[0], max: dense[1] }) },
    { weight: 1, arbitrary: fc.integer({ min: wide[0], max: wide[1] }) },
  );

const deploymentSpec = fc.record({
  service: fc.nat({ max: SERVICES.length - 1 }),
  environment: fc.constantFrom('production', 'prod', 'PROD', 'staging'),
  status: fc.constantFrom('success', 'success', 'success', 'failure', 'cancelled', 'in_progress'),
  finishedStep: step([-2, 24], [-8, 120]),
  commits: fc.uniqueArray(fc.nat({ max: COMMITS_PER_SERVICE - 1 }), { maxLength: 3 }),
  commitSha: fc.option(fc.nat({ max: COMMITS_PER_SERVICE - 1 }), { nil: null }),
  // An index into the deployments (earlier, later, itself is skipped) or one that never arrives.
  rollbackOf: fc.option(fc.nat({ max: 30 }), { nil: null, freq: 3 }),
  reason: fc.constantFrom(null, 'planned', 'hotfix', 'rollback'),
  // A link to the run, which an incident may name as its cause.
  hasUrl: fc.boolean(),
  // An earlier version of the record, replaced later by the final one (a run that succeeded on retry, a corrected
  // environment, another set of commits).
  earlier: fc.option(
    fc.record({
      status: fc.constantFrom('success', 'failure', 'in_progress'),
      environment: fc.constantFrom('production', 'staging'),
      commits: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 3 }),
    }),
    { nil: null, freq: 3 },
  ),
});

const incidentSpec = fc.record({
  service: fc.nat({ max: SERVICES.length - 1 }),
  openedStep: step([-2, 30], [-12, 130]),
  // Often just after a deployment, where attribution is decided: at it, inside the window, at its edge, past it.
  nearDeployment: fc.option(fc.tuple(fc.nat({ max: 30 }), fc.integer({ min: 0, max: 3 })), { nil: null }),
  resolvedAfterSteps: fc.option(fc.nat({ max: 12 }), { nil: null }),
  cause: fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.record({ kind: fc.constant('deployment' as const), index: fc.nat({ max: 30 }) }),
    fc.record({ kind: fc.constant('sha' as const), commit: fc.nat({ max: COMMITS_PER_SERVICE - 1 }) }),
    // A URL in the title: a deployment's run or a pull request (either may not exist, or be of another service).
    fc.record({ kind: fc.constant('url' as const), index: fc.nat({ max: 6 }), pullRequest: fc.boolean() }),
  ),
  // An unresolved version arrives first, as an incident tool would send it.
  sentOpenFirst: fc.boolean(),
});

const pullRequestSpec = fc.record({
  labels: fc.subarray(['bug', 'Hotfix', 'feature', 'chore']),
  isRevert: fc.boolean(),
});

export const historySpec = fc.record({
  // Author times per (service, commit), on the grid, some after the deployments that carry them.
  authoredSteps: fc.array(
    fc.array(step([-6, 24], [-40, 120]), { minLength: COMMITS_PER_SERVICE, maxLength: COMMITS_PER_SERVICE }),
    {
      minLength: SERVICES.length,
      maxLength: SERVICES.length,
    },
  ),
  deployments: fc.array(deploymentSpec, { maxLength: 24 }),
  incidents: fc.array(incidentSpec, { maxLength: 10 }),
  // Pull requests of some commits, by (service, commit).
  pullRequests: fc.array(
    fc.tuple(fc.nat({ max: SERVICES.length - 1 }), fc.nat({ max: COMMITS_PER_SERVICE - 1 }), pullRequestSpec),
    { maxLength: 5 },
  ),
  // Services moving teams (to another team, a team outside the hierarchy, or none) at a time.
  ownerChanges: fc.array(
    fc.record({
      service: fc.nat({ max: SERVICES.length - 1 }),
      team: fc.constantFrom('core', 'data', 'ops', null),
      step: step([-2, 24], [-8, 120]),
    }),
    { maxLength: 3 },
  ),
  duplicates: fc.array(fc.nat(), { maxLength: 6 }),
  shuffleSeed: fc.integer(),
  batches: fc.integer({ min: 1, max: 3 }),
});

export type HistorySpec = typeof historySpec extends fc.Arbitrary<infer T> ? T : never;

export type GeneratedHistory = {
  /** The events-v1 records in arrival order, split into import batches. */
  batches: unknown[][];
  /** Pull requests (the GitHub source's job) to write after the import: (change id, pr). */
  pullRequests: { changeId: string; id: string; labels: string[]; isRevert: boolean; url: string }[];
  /** Incidents whose cause is a commit sha (the GitHub source's job): (incident id, sha). */
  causedBySha: { incidentId: string; sha: string }[];
  /** The state the database must end up in, for the reference. */
  history: RefHistory;
};

const shuffle = <T>(items: T[], seed: number) => {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const iso = (date: Date) => date.toISOString();
const runUrl = (index: number) => `https://ci.example.com/runs/${index}`;
const pullRequestUrl = (index: number) => `https://github.com/acme/shop/pull/${index}`;

/** Turns a spec into events-v1 records (shuffled, duplicated, in batches) and the final state they describe. */
export const buildHistory = (spec: HistorySpec): GeneratedHistory => {
  const history: RefHistory = {
    services: SERVICES.map((s) => ({ ...s })),
    deployments: [],
    changes: [],
    incidents: [],
    pullRequests: [],
  };
  const records: { key: string; order: number; record: unknown }[] = SERVICES.map((s) => ({
    key: `s:${s.name}`,
    order: 0,
    record: { kind: 'service', ...s },
  }));
  const changes = new Map<string, RefHistory['changes'][number]>();

  spec.deployments.forEach((d, index) => {
    const service = SERVICES[d.service]!.name;
    const finishedAt = d.status === 'in_progress' ? null : at(d.finishedStep);
    const commits = d.commits.map((commit) => ({
      sha: shaOf(d.service, commit),
      authoredAt: at(spec.authoredSteps[d.service]![commit]!),
    }));
    const rollbackOf = d.rollbackOf === null || d.rollbackOf === index ? null : `d${d.rollbackOf}`;
    const commitSha = d.commitSha === null ? null : shaOf(d.service, d.commitSha);
    const record = {
      kind: 'deployment',
      id: `d${index}`,
      service,
      environment: d.environment,
      status: d.status,
      ...(finishedAt ? { finishedAt: iso(finishedAt) } : {}),
      commitSha,
      commits: commits.map((c) => ({ sha: c.sha, authoredAt: iso(c.authoredAt) })),
      rollbackOf,
      reason: d.reason,
      ...(d.hasUrl ? { url: runUrl(index) } : {}),
    };
    if (d.earlier) {
      const { status, environment } = d.earlier;
      const earlierCommits = d.earlier.commits.map((commit) => ({
        sha: shaOf(d.service, commit),
        authoredAt: iso(at(spec.authoredSteps[d.service]![commit]!)),
      }));
      records.push({
        key: `d${index}`,
        order: 0,
        record: { ...record, status, environment, finishedAt: iso(at(d.finishedStep)), commits: earlierCommits },
      });
    }
    records.push({ key: `d${index}`, order: 1, record });
    const changeIds = commits.map((c) => `events:change:${service}@${c.sha}`);
    for (const [i, c] of commits.entries())
      changes.set(changeIds[i]!, {
        id: changeIds[i]!,
        service,
        sha: c.sha,
        authoredAt: c.authoredAt,
        pullRequestId: null,
      });
    history.deployments.push({
      id: `events:deployment:d${index}`,
      service,
      environment: d.environment,
      status: d.status,
      finishedAt,
      commitSha,
      rollbackOf: rollbackOf ? `events:deployment:${rollbackOf}` : null,
      reason: d.reason,
      changeIds,
      url: d.hasUrl ? runUrl(index) : null,
    });
  });

  const causedBySha: GeneratedHistory['causedBySha'] = [];
  spec.incidents.forEach((i, index) => {
    const near = i.nearDeployment && spec.deployments[i.nearDeployment[0] % Math.max(1, spec.deployments.length)];
    const serviceIndex = near ? near.service : i.service;
    const service = SERVICES[serviceIndex]!.name;
    const openedStep = near ? near.finishedStep + i.nearDeployment![1] : i.openedStep;
    const openedAt = at(openedStep);
    const resolvedAt = i.resolvedAfterSteps === null ? null : at(openedStep + i.resolvedAfterSteps);
    const causedBy = i.cause.kind === 'deployment' ? `d${i.cause.index}` : null;
    const sha = i.cause.kind === 'sha' ? shaOf(serviceIndex, i.cause.commit) : null;
    const ref =
      i.cause.kind === 'url' ? (i.cause.pullRequest ? pullRequestUrl(i.cause.index) : runUrl(i.cause.index)) : null;
    const record = {
      kind: 'incident',
      id: `i${index}`,
      service,
      openedAt: iso(openedAt),
      resolvedAt: resolvedAt ? iso(resolvedAt) : null,
      causedBy,
      // A request URL counts anywhere in the text; another URL only after a cue ("deployment", "caused by").
      ...(ref
        ? {
            title:
              i.cause.kind === 'url' && i.cause.pullRequest
                ? `Errors since ${ref} merged`
                : `Deployment ${ref} broke it`,
          }
        : {}),
    };
    if (i.sentOpenFirst && resolvedAt)
      records.push({ key: `i${index}`, order: 0, record: { ...record, resolvedAt: null } });
    records.push({ key: `i${index}`, order: 1, record });
    if (sha) causedBySha.push({ incidentId: `events:incident:i${index}`, sha });
    history.incidents.push({
      id: `events:incident:i${index}`,
      service,
      openedAt,
      resolvedAt,
      causedBy: causedBy ? `events:deployment:${causedBy}` : null,
      causedBySha: sha,
      causedByRef: ref,
    });
  });

  const pullRequests: GeneratedHistory['pullRequests'] = [];
  spec.pullRequests.forEach(([serviceIndex, commit, pr], index) => {
    const changeId = `events:change:${SERVICES[serviceIndex]!.name}@${shaOf(serviceIndex, commit)}`;
    const change = changes.get(changeId);
    if (!change || change.pullRequestId) return;
    const id = `github:pull_request:pr${index}`;
    change.pullRequestId = id;
    const url = pullRequestUrl(index);
    pullRequests.push({ changeId, id, labels: pr.labels, isRevert: pr.isRevert, url });
    history.pullRequests.push({ id, labels: pr.labels, isRevert: pr.isRevert, url });
  });
  history.changes = [...changes.values()];
  // One change per (service, time): the last written wins, as the table's key makes it.
  const moves = new Map(
    spec.ownerChanges.map((c) => [
      `${c.service}@${c.step}`,
      { service: SERVICES[c.service]!.name, team: c.team, since: at(c.step) },
    ]),
  );
  history.ownerChanges = [...moves.values()];
  history.parents = { core: 'eng', data: 'eng' };

  // Exact duplicates anywhere, then any order, except that versions of one record keep their order.
  for (const n of spec.duplicates)
    if (records.length > 0)
      records.push({ ...records[n % records.length]!, order: records[n % records.length]!.order });
  const shuffled = shuffle(records, spec.shuffleSeed);
  const versions = new Map<string, typeof records>();
  for (const item of shuffled) versions.set(item.key, [...(versions.get(item.key) ?? []), item]);
  for (const list of versions.values()) list.sort((a, b) => a.order - b.order);
  const cursor = new Map<string, number>();
  const ordered = shuffled.map((item) => {
    const position = cursor.get(item.key) ?? 0;
    cursor.set(item.key, position + 1);
    return versions.get(item.key)![position]!.record;
  });
  const size = Math.ceil(ordered.length / spec.batches) || 1;
  const batches: unknown[][] = [];
  for (let start = 0; start < ordered.length; start += size) batches.push(ordered.slice(start, start + size));
  return { batches, pullRequests, causedBySha, history };
};

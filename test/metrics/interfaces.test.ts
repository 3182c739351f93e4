import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GET as getMetricsRoute } from '../../app/api/v1/metrics/route';
import { GET as getChangesRoute } from '../../app/api/v1/metrics/changes/route';
import { GET as getDeploymentsRoute } from '../../app/api/v1/metrics/deployments/route';
import { GET as getIncidentsRoute } from '../../app/api/v1/metrics/incidents/route';
import { GET as getSeriesRoute } from '../../app/api/v1/metrics/series/route';
import { metricsCommand } from '../../ingest/cli/commands/metrics';
import { resetConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import { getMetricsAnswer } from '../../lib/metrics/get-metrics-answer';
import { getDoraSeries } from '../../lib/metrics/get-dora-series';
import { getServiceMetricsTable } from '../../lib/metrics/get-service-metrics-table';
import { getTeamMetrics } from '../../lib/metrics/get-team-metrics';
import { listChanges } from '../../lib/metrics/list-changes';
import { listDeployments } from '../../lib/metrics/list-deployments';
import { listIncidents } from '../../lib/metrics/list-incidents';
import { describeEachBackend } from '../helpers/test-db';
import { commit, deploy, h, incident, load } from './metrics-fixtures';
import { percentileCont } from './reference/compute-reference-metrics';

// Four weeks of a small organization: payments and ledger (team core), search (team discovery), idle (core, silent).
const history = [
  { kind: 'service', name: 'payments', team: 'core' },
  { kind: 'service', name: 'ledger', team: 'core' },
  { kind: 'service', name: 'search', team: 'discovery' },
  { kind: 'service', name: 'idle', team: 'core' },
  ...Array.from({ length: 20 }, (_, i) =>
    deploy(`p${i}`, i * 30 + 9, { commits: [commit(`p${i}a`, i * 30 - 3), commit(`p${i}b`, i * 30 - 20)], reason: i % 7 === 3 ? 'hotfix' : 'planned' }),
  ),
  ...Array.from({ length: 6 }, (_, i) => ({ ...deploy(`l${i}`, i * 100 + 12, { commits: [commit(`l${i}`, i * 100 - 40)] }), service: 'ledger' })),
  ...Array.from({ length: 4 }, (_, i) => ({ ...deploy(`s${i}`, i * 150 + 5, { commits: [commit(`s${i}`, i * 150 - 1)] }), service: 'search' })),
  deploy('p5-rollback', 5 * 30 + 10, { rollbackOf: 'p5', reason: 'rollback' }),
  incident('i1', 100, 104),
  incident('i2', 400, null),
  { ...incident('i3', 320, 330), service: 'ledger' },
  incident('i4', 50, 55, { causedBy: 'p0' }),
];
const FROM = 0;
const TO = 28 * 24;
const window = { from: new Date(h(FROM)), to: new Date(h(TO)) };

const collect = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

const get = async (route: (request: Request) => Promise<Response>, query: string) => {
  const response = await route(new Request(`http://localhost/api/v1/metrics${query}`));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describeEachBackend('metrics interfaces', ({ db, handle }) => {
  beforeEach(async () => {
    await load(db(), history);
    setDbHandle(handle());
  });
  afterEach(() => {
    delete process.env.WAYMARK_REQUIRE_READ_TOKEN;
    resetConfig();
  });

  it('serves exactly the object of the issue from the API and the CLI, for service, team and org scopes', async () => {
    for (const [query, scope] of [
      ['service=payments', { service: 'payments' }],
      ['team=core', { team: 'core' }],
      ['', { org: true as const }],
    ] as const) {
      const expected = await getMetricsAnswer({ db: db(), scope, window });
      const { status, body } = await get(getMetricsRoute, `?${query}&from=${h(FROM)}&to=2026-03-30`);
      expect(status).toBe(200);
      expect(body).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(Object.keys(body)).toEqual([
        ...['scope', 'window', 'edition', 'deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime', 'timeToRestore', 'reworkRate', 'cluster2024'],
        ...['factors', 'overall', 'benchmark', 'samples', 'notes', 'dataQuality'],
      ]);
      expect(body.edition).toBe('2025');
      expect(Object.keys((body.factors as { throughput: { metrics: object } }).throughput.metrics)).toEqual(['leadTime', 'deploymentFrequency', 'recoveryTime']);
      expect(Object.keys(body.deploymentFrequency as object)).toEqual(['deployments', 'perDay', 'medianDeployDaysPerWeek', 'medianDeployDaysPerMonth', 'tier']);
      expect(body.window).toEqual({ from: '2026-03-02T00:00:00Z', to: '2026-03-30T00:00:00Z' });

      const out = collect();
      const [key, value] = query ? query.split('=') : [];
      await metricsCommand.run({ values: { ...(key ? { [key]: value } : {}), from: '2026-03-02', to: '2026-03-30', json: true }, positionals: [], stdout: out.stream, stderr: out.stream });
      expect(out.text().trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(out.text())).toEqual(body);
    }
  });

  it('prints a readable table without --json', async () => {
    const out = collect();
    await metricsCommand.run({ values: { team: 'core', from: '2026-03-02', to: '2026-03-30' }, positionals: [], stdout: out.stream, stderr: out.stream });
    const m = await getDoraMetrics({ db: db(), scope: { team: 'core' }, window });
    expect(out.text()).toContain('DORA metrics for team core, 2026-03-02T00:00:00Z to 2026-03-30T00:00:00Z (28 days)');
    expect(out.text()).toContain(`${m.deploymentFrequency.deployments} deployments`);
    // Each figure against the previous 28 days, in the words the pages use.
    expect(out.text()).toMatch(/Metric +Value +Samples +vs previous 28 days +DORA 2025 score/);
    expect(out.text()).toMatch(/Deployment frequency .* (No clear change vs previous 28 days|Not enough data to compare|[↑↓] \d+ %)/);
    expect(out.text()).toMatch(/DORA 2025: overall \d+\.\d, throughput/);
    expect(out.text()).not.toContain('2024 cluster');
    const legacy = collect();
    await metricsCommand.run({ values: { team: 'core', from: '2026-03-02', to: '2026-03-30', edition: '2024' }, positionals: [], stdout: legacy.stream, stderr: legacy.stream });
    expect(legacy.text()).toMatch(/DORA 2024 cluster: (Elite|High|Medium|Low)\.\n$/);
    expect(legacy.text()).not.toContain('DORA 2025');
    const empty = collect();
    await metricsCommand.run({ values: { team: 'core', from: '2020-01-01', to: '2020-02-01' }, positionals: [], stdout: empty.stream, stderr: empty.stream });
    expect(empty.text()).toMatch(/No deployment in this window; the deployments run from \d+ Mar 2026 to \d+ Mar 2026: try --from 2026-03-\d\d\.\n$/);
  });

  it('answers in the edition and benchmark group asked for, and refuses unknown ones', async () => {
    const { status, body } = await get(getMetricsRoute, `?service=payments&from=${h(FROM)}&to=2026-03-30&edition=2023&benchmark=size:all`);
    expect(status).toBe(200);
    expect(body.edition).toBe('2023');
    expect((body.benchmark as { group: string }).group).toBe('size:all');
    const bad = await get(getMetricsRoute, `?service=payments&edition=2022&benchmark=size:huge`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('edition: must be 2023, 2024 or 2025');
  });

  it('answers 400 naming each bad parameter, 404 for an unknown service, 401 when reads need a token', async () => {
    const bad = await get(getMetricsRoute, '?service=payments&team=core&from=yesterday&servce=x');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      expect.stringContaining('servce: unknown parameter'),
      expect.stringContaining('from: must be an ISO 8601 date'),
      'service, team: give one or the other, not both',
    ]);
    expect((await get(getSeriesRoute, '?bucket=day')).body.details).toEqual([expect.stringContaining('bucket: must be week or month')]);
    expect((await get(getMetricsRoute, '?service=paymnts')).status).toBe(404);
    process.env.WAYMARK_REQUIRE_READ_TOKEN = 'true';
    resetConfig();
    expect((await get(getMetricsRoute, '?service=payments')).status).toBe(401);
    expect((await get(getDeploymentsRoute, '')).status).toBe(401);
  });

  it('gives each bucket of a series the figures of that bucket as a window of its own', async () => {
    const series = await getDoraSeries({ db: db(), scope: { team: 'core' }, window: { from: new Date(h(-48)), to: window.to }, bucket: 'week' });
    expect(series.points.map((point) => [point.window.from, point.partial])).toEqual([
      ['2026-02-28T00:00:00Z', true],
      ['2026-03-02T00:00:00Z', false],
      ['2026-03-09T00:00:00Z', false],
      ['2026-03-16T00:00:00Z', false],
      ['2026-03-23T00:00:00Z', false],
    ]);
    for (const point of series.points) {
      const { scope: _scope, ...figures } = await getDoraMetrics({ db: db(), scope: { team: 'core' }, window: { from: new Date(point.window.from), to: new Date(point.window.to) } });
      expect(point).toEqual({ ...figures, partial: point.partial });
    }
    expect(series.points.reduce((sum, point) => sum + point.deploymentFrequency.deployments, 0)).toBe(27);
    const route = await get(getSeriesRoute, `?team=core&from=${h(-48)}&to=${h(TO)}&bucket=week`);
    expect(route.body).toEqual(JSON.parse(JSON.stringify(series)));
  });

  it('lists one row per service, equal to that service alone, in one statement', async () => {
    const table = await getServiceMetricsTable({ db: db(), window, team: 'core' });
    expect(table.rows.map((row) => row.service)).toEqual(['idle', 'ledger', 'payments']);
    for (const { service, ...row } of table.rows) {
      const { scope: _scope, window: _window, ...figures } = await getDoraMetrics({ db: db(), scope: { service }, window });
      expect(row).toEqual(figures);
    }
    expect(table.rows[0]!.deploymentFrequency).toEqual({ deployments: 0, perDay: null, medianDeployDaysPerWeek: null, medianDeployDaysPerMonth: null, tier: null });
    const org = await getServiceMetricsTable({ db: db(), window });
    expect(org.rows.map((row) => row.service)).toEqual(['idle', 'ledger', 'payments', 'search']);
  });

  it('gives every team the figures of that team alone, in one statement grouped by team', async () => {
    const teams = await getTeamMetrics({ db: db(), window });
    expect([...teams.keys()]).toEqual(['core', 'discovery']);
    for (const [team, figures] of teams) expect(figures).toEqual(await getDoraMetrics({ db: db(), scope: { team }, window }));
    expect(teams.get('core')!.deploymentFrequency.deployments).toBeGreaterThan(teams.get('discovery')!.deploymentFrequency.deployments);
  });

  it('lists the deployments, changes and incidents behind each figure', async () => {
    const scope = { team: 'core' };
    const m = await getDoraMetrics({ db: db(), scope, window });
    const all = await listDeployments({ db: db(), scope, window, limit: 5 });
    expect(all.total).toBe(m.deploymentFrequency.deployments);
    expect(all.items).toHaveLength(5);
    expect(all.items[0]).toMatchObject({ service: 'payments', source: 'events', sourceId: 'p19', url: null });
    const rest = await listDeployments({ db: db(), scope, window, limit: 1000, offset: 5 });
    expect(rest.items).toHaveLength(m.deploymentFrequency.deployments - 5);
    expect(new Set([...all.items, ...rest.items].map((d) => d.id)).size).toBe(m.deploymentFrequency.deployments);
    const past = await listDeployments({ db: db(), scope, window, offset: 1000 });
    expect(past).toMatchObject({ total: m.deploymentFrequency.deployments, items: [] });

    const failed = await listDeployments({ db: db(), scope, window, filter: { failed: true } });
    expect(failed.total).toBe(m.changeFailureRate.failed);
    expect(failed.items.filter((d) => d.recoverySeconds !== null)).toHaveLength(m.recoveryTime.recovered);
    expect((await listDeployments({ db: db(), scope, window, filter: { rework: true } })).total).toBe(m.reworkRate.rework);

    const changes = await listChanges({ db: db(), scope, window, limit: 1000 });
    expect(changes.total).toBe(m.leadTime.changes);
    expect(Math.round(percentileCont(changes.items.map((c) => c.leadSeconds), 0.5)!)).toBe(m.leadTime.p50Seconds);
    expect(changes.items[0]).toMatchObject({ source: 'events', sourceId: expect.stringMatching(/@[0-9a-f]{40}$/) });
    const ofOne = await listChanges({ db: db(), scope, window, filter: { deploymentId: 'events:deployment:p1' } });
    expect(ofOne.items.map((c) => c.leadSeconds).sort((a, b) => a - b)).toEqual([12 * 3600, 29 * 3600]);

    const restored = await listIncidents({ db: db(), scope, window });
    expect(restored.total).toBe(m.timeToRestore.incidents);
    expect(Math.round(percentileCont(restored.items.map((i) => i.restoreSeconds!), 0.5)!)).toBe(m.timeToRestore.p50Seconds);
    const attributed = await listIncidents({ db: db(), scope, window, filter: { of: 'attributed' } });
    const failedIds = new Set(failed.items.map((d) => d.id));
    expect(attributed.items.length).toBeGreaterThan(0);
    for (const item of attributed.items) expect(failedIds.has(item.deploymentId!)).toBe(true);

    // The API pages by cursor: the same items and total, and no next page when the list fits.
    const page = ({ items, total }: { items: unknown[]; total: number }) => JSON.parse(JSON.stringify({ items, total, nextCursor: null }));
    const routed = await get(getDeploymentsRoute, `?team=core&from=${h(FROM)}&to=${h(TO)}&failed=true`);
    expect(routed.body).toEqual(page(failed));
    expect((await get(getChangesRoute, `?team=core&from=${h(FROM)}&to=${h(TO)}&limit=1000`)).body).toEqual(page(changes));
    expect((await get(getIncidentsRoute, `?team=core&from=${h(FROM)}&to=${h(TO)}&of=attributed`)).body).toEqual(page(attributed));
    expect((await get(getDeploymentsRoute, '?limit=0')).body.details).toEqual([expect.stringContaining('limit: must be a whole number from 1')]);
  });
});

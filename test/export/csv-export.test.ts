import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as getCampaignCsv } from '../../app/api/campaigns/[name]/export.csv/route';
import { GET as getChangesCsv } from '../../app/api/metrics/changes/export.csv/route';
import { GET as getDeploymentsCsv } from '../../app/api/metrics/deployments/export.csv/route';
import { GET as getIncidentsCsv } from '../../app/api/metrics/incidents/export.csv/route';
import { GET as getTeamMetricsCsv } from '../../app/api/metrics/teams/export.csv/route';
import { GET as getScorecardsCsv } from '../../app/api/scorecards/export.csv/route';
import { setDbHandle } from '../../lib/db/client';
import { buildScorecardsCsv } from '../../lib/export/build-scorecards-csv';
import { toCsv } from '../../lib/export/to-csv';
import { importEvents } from '../../ingest/sources/events/import-events';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import { listChanges } from '../../lib/metrics/list-changes';
import { listDeployments } from '../../lib/metrics/list-deployments';
import { listIncidents } from '../../lib/metrics/list-incidents';
import { asLines } from '../helpers/event-input';
import { ensureScorecardsFresh } from '../../lib/scorecard/ensure-scorecards-fresh';
import { listScorecards } from '../../lib/scorecard/list-scorecards';
import { getCampaignProgress } from '../../lib/campaigns/get-campaign-progress';
import { getCampaign } from '../../lib/campaigns/list-campaigns';
import { resetConfig } from '../../lib/config/load-config';
import { seedCampaignHistory, standards, STANDARDS_YAML } from '../campaigns/campaign-fixtures';
import { describeEachBackend } from '../helpers/test-db';
import { daysBefore, deploymentRecord, importRecords, serviceRecord } from '../scorecard/helpers/ingest';

/** Parses the CSV these exports write (quoted fields may hold commas and doubled quotes; no line breaks here). */
const parseCsv = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, -1).map(([, field]) => (field!.startsWith('"') ? field!.slice(1, -1).replace(/""/g, '"') : field!)));

describe('toCsv', () => {
  it('quotes what needs it and keeps spreadsheets from running text as a formula', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], [1.5, null], ['=SUM(A1)', '-3 days']])).toBe('a,b\r\n"x, y","say ""hi"""\r\n1.5,\r\n\'=SUM(A1),\'-3 days\r\n');
  });
});

const folder = mkdtempSync(join(tmpdir(), 'waymark-csv-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  delete process.env.WAYMARK_STANDARDS;
  resetConfig();
});

describeEachBackend('CSV exports', ({ db, handle }) => {
  it("a campaign's CSV is its burn-up, row for row", async () => {
    writeFileSync(join(folder, 'golden-path.yaml'), STANDARDS_YAML);
    process.env.WAYMARK_STANDARDS = join(folder, 'golden-path.yaml');
    resetConfig();
    setDbHandle(handle());
    await seedCampaignHistory(db());
    const response = await getCampaignCsv(new Request('http://localhost/api/campaigns/otel-tier-1/export.csv'), { params: Promise.resolve({ name: 'otel-tier-1' }) });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    const progress = await getCampaignProgress({ db: db(), campaign: (await getCampaign({ db: db(), standards, name: 'otel-tier-1' }))!, standards });
    expect(header).toEqual(['campaign', 'day', 'done', 'straight_line', 'in_scope', 'deadline']);
    expect(rows).toEqual(progress.points.map((point) => ['otel-tier-1', point.day, String(point.done), String(point.target), '3', '2026-10-31']));
    expect(rows[0]).toEqual(['otel-tier-1', '2026-09-01', '1', '1', '3', '2026-10-31']);
    const missing = await getCampaignCsv(new Request('http://localhost/api/campaigns/nope/export.csv'), { params: Promise.resolve({ name: 'nope' }) });
    expect(missing.status).toBe(404);
    delete process.env.WAYMARK_STANDARDS;
    resetConfig();
  });

  it('the scorecards CSV has the rows listScorecards gives, with each check status', async () => {
    await seedCampaignHistory(db());
    const csv = parseCsv(await buildScorecardsCsv({ db: db(), standards }));
    const rows = await listScorecards({ db: db(), standards });
    expect(csv[0]).toEqual(['service', 'team', 'lifecycle', 'level', 'score', 'pass', 'fail', 'exempt', 'unknown', 'not_applicable', 'as_of', 'readme', 'tracing']);
    expect(csv.slice(1).map((row) => row.slice(0, 11))).toEqual(
      rows.map((row) => [row.service, row.team ?? '', row.lifecycle ?? '', row.level, String(row.score ?? ''), ...[row.counts.pass, row.counts.fail, row.counts.exempt, row.counts.unknown, row.counts.skip].map(String), row.day]),
    );
    expect(csv).toHaveLength(5);
    const team = parseCsv(await buildScorecardsCsv({ db: db(), standards, team: 'edge' }));
    expect(team.slice(1).map((row) => row[0])).toEqual(['delta', 'gamma']);
  });

  it('the routes answer CSV downloads; the team metrics equal getDoraMetrics per team', async () => {
    setDbHandle(handle());
    const now = new Date();
    await importRecords(db(), [serviceRecord('api', { team: 'core' }), serviceRecord('web', { team: 'edge' }), ...[1, 2, 3, 9].map((days) => deploymentRecord('api', daysBefore(now, days))), deploymentRecord('web', daysBefore(now, 4))]);
    // Reads only read: the writers' ensure step scores what was imported.
    await ensureScorecardsFresh({ db: db() });
    const scorecards = await getScorecardsCsv(new Request('http://localhost/api/scorecards/export.csv?team=core'));
    expect([scorecards.status, scorecards.headers.get('content-type'), scorecards.headers.get('content-disposition')]).toEqual([200, 'text/csv; charset=utf-8', 'attachment; filename="waymark-scorecards-core.csv"']);
    expect(parseCsv(await scorecards.text()).slice(1).map((row) => row[0])).toEqual(['api']);

    const from = daysBefore(now, 30).toISOString().slice(0, 10);
    const to = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const response = await getTeamMetricsCsv(new Request(`http://localhost/api/metrics/teams/export.csv?from=${from}&to=${to}`));
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    const window = { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) };
    const core = await getDoraMetrics({ db: db(), scope: { team: 'core' }, window });
    const coreRow = Object.fromEntries(header!.map((key, index) => [key, rows.find((row) => row[0] === 'core')![index]]));
    expect(coreRow).toMatchObject({ team: 'core', services: '1', deployments: '4', deployments_per_day: String(core.deploymentFrequency.perDay ?? '') });
    expect(rows.map((row) => row[0])).toEqual(['core', 'edge']);
    const refused = await getTeamMetricsCsv(new Request('http://localhost/api/metrics/teams/export.csv?service=api'));
    expect(refused.status).toBe(400);
  });

  it("each activity list's CSV is its rows under the same filters, every page of them", async () => {
    setDbHandle(handle());
    const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 9, day, hour)).toISOString();
    const sha = (n: number) => n.toString(16).padStart(40, 'a');
    await importEvents({
      db: db(),
      input: asLines([
        { kind: 'service', name: 'api', team: 'core' },
        { kind: 'service', name: 'web', team: 'edge' },
        // 1,005 deployments of api: more than one page of the list (1,000).
        ...Array.from({ length: 1005 }, (_, i) => ({
          kind: 'deployment', id: `d${i}`, service: 'api', environment: 'production', status: 'success',
          finishedAt: new Date(Date.UTC(2026, 9, 1) + i * 1_800_000).toISOString(),
          commits: [{ sha: sha(i), authoredAt: new Date(Date.UTC(2026, 9, 1) + i * 1_800_000 - 3_600_000).toISOString() }],
        })),
        { kind: 'deployment', id: 'w1', service: 'web', environment: 'production', status: 'success', finishedAt: at(3) },
        { kind: 'incident', id: 'i1', service: 'api', title: 'Checkout, down', openedAt: at(2, 1), resolvedAt: at(2, 3) },
      ]),
    });
    const query = 'team=core&from=2026-10-01&to=2026-11-01';
    const window = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') };
    const scope = { team: 'core' };
    const all = async <T>(list: (offset: number) => Promise<{ total: number; items: T[] }>) => {
      const first = await list(0);
      return first.total > 1000 ? [...first.items, ...(await list(1000)).items] : first.items;
    };

    const deployments = parseCsv(await (await getDeploymentsCsv(new Request(`http://localhost/api/metrics/deployments/export.csv?${query}`))).text());
    const listed = await all((offset) => listDeployments({ db: db(), scope, window, limit: 1000, offset }));
    expect(listed).toHaveLength(1005);
    expect(deployments.slice(1).map((row) => [row[0], row[1], row[4], row[7]])).toEqual(listed.map((row) => [row.service, row.finishedAt, row.sourceId, String(row.failed)]));
    const failed = parseCsv(await (await getDeploymentsCsv(new Request(`http://localhost/api/metrics/deployments/export.csv?${query}&failed=true`))).text());
    const failedListed = (await listDeployments({ db: db(), scope, window, filter: { failed: true } })).items;
    expect(failedListed.length).toBeGreaterThan(0);
    expect(failed.slice(1).map((row) => row[4])).toEqual(failedListed.map((row) => row.sourceId));

    const changes = parseCsv(await (await getChangesCsv(new Request(`http://localhost/api/metrics/changes/export.csv?${query}&deployment=${listed[0]!.id}`))).text());
    const changesListed = (await listChanges({ db: db(), scope, window, filter: { deploymentId: listed[0]!.id } })).items;
    expect(changes.slice(1).map((row) => [row[1], row[6]])).toEqual(changesListed.map((row) => [row.sha, String(Math.round((row.leadSeconds / 3600) * 100) / 100)]));

    const incidents = parseCsv(await (await getIncidentsCsv(new Request(`http://localhost/api/metrics/incidents/export.csv?${query}`))).text());
    const incidentsListed = (await listIncidents({ db: db(), scope, window })).items;
    expect(incidents.slice(1).map((row) => [row[0], row[1], row[5]])).toEqual(incidentsListed.map((row) => [row.service, row.title, '2']));
    expect(incidents[0]).toEqual(['service', 'title', 'severity', 'opened_at', 'resolved_at', 'restore_hours', 'deployment_id', 'source', 'source_id', 'url']);
  });
});

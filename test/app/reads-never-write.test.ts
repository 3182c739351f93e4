import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import OverviewPage from '../../app/page';
import DoraPage from '../../app/dora/page';
import TeamsPage from '../../app/teams/page';
import TeamPage from '../../app/teams/[team]/page';
import ServicesPage from '../../app/services/page';
import ServicePage from '../../app/services/[name]/page';
import AdoptionPage from '../../app/adoption/page';
import ImpactPage from '../../app/impact/page';
import StandardsPage from '../../app/standards/page';
import IngestPage from '../../app/ingest/page';
import DeploymentsPage from '../../app/activity/deployments/page';
import ChangesPage from '../../app/activity/changes/page';
import IncidentsPage from '../../app/activity/incidents/page';
import CampaignsPage from '../../app/campaigns/page';
import CampaignPage from '../../app/campaigns/[name]/page';
import MaturityReportPage from '../../app/reports/maturity/page';
import { GET as healthRoute } from '../../app/api/health/route';
import { GET as metricsRoute } from '../../app/api/v1/metrics/route';
import { GET as seriesRoute } from '../../app/api/v1/metrics/series/route';
import { GET as deploymentsRoute } from '../../app/api/v1/metrics/deployments/route';
import { GET as changesRoute } from '../../app/api/v1/metrics/changes/route';
import { GET as incidentsRoute } from '../../app/api/v1/metrics/incidents/route';
import { GET as scorecardsRoute } from '../../app/api/v1/scorecards/route';
import { GET as servicesRoute } from '../../app/api/v1/services/route';
import { GET as teamsRoute } from '../../app/api/v1/teams/route';
import { GET as checkResultsRoute } from '../../app/api/v1/check-results/route';
import { GET as adoptionRoute } from '../../app/api/v1/adoption/route';
import { GET as adoptionSeriesRoute } from '../../app/api/v1/adoption/series/route';
import { GET as serviceScorecardRoute } from '../../app/api/v1/services/[name]/scorecard/route';
import { GET as badgeRoute } from '../../app/api/badges/[file]/route';
import { GET as exemptionsRoute } from '../../app/api/exemptions/route';
import { GET as impactRoute } from '../../app/api/v1/impact/route';
import { GET as scorecardsCsvRoute } from '../../app/api/scorecards/export.csv/route';
import { GET as teamMetricsCsvRoute } from '../../app/api/metrics/teams/export.csv/route';
import { GET as campaignCsvRoute } from '../../app/api/campaigns/[name]/export.csv/route';
import { loadDemoOrganization } from '../../ingest/demo/load-demo-organization';
import { setDbHandle } from '../../lib/db/client';
import { queryRows } from '../../lib/db/query-rows';
import { ensureImpactAnalyses } from '../../lib/impact/ensure-impact-analyses';
import { ensureMetricsRollup } from '../../lib/metrics/ensure-metrics-rollup';
import { getMetricsSettings } from '../../lib/metrics/get-metrics-settings';
import { ensureScorecardsFresh } from '../../lib/scorecard/ensure-scorecards-fresh';
import { renderServerTree } from '../helpers/render-server-tree';
import { snapshotTables } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';

type Page = (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => unknown;
type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const PAGES: Record<string, unknown> = { '': OverviewPage, 'dora/': DoraPage, 'teams/': TeamsPage, 'teams/[team]/': TeamPage, 'services/': ServicesPage, 'services/[name]/': ServicePage, 'adoption/': AdoptionPage, 'impact/': ImpactPage, 'standards/': StandardsPage, 'ingest/': IngestPage, 'activity/deployments/': DeploymentsPage, 'activity/changes/': ChangesPage, 'activity/incidents/': IncidentsPage, 'campaigns/': CampaignsPage, 'campaigns/[name]/': CampaignPage, 'reports/maturity/': MaturityReportPage };
const ROUTES: Record<string, unknown> = { 'health/': healthRoute, 'v1/metrics/': metricsRoute, 'v1/metrics/series/': seriesRoute, 'v1/metrics/deployments/': deploymentsRoute, 'v1/metrics/changes/': changesRoute, 'v1/metrics/incidents/': incidentsRoute, 'v1/scorecards/': scorecardsRoute, 'v1/services/[name]/scorecard/': serviceScorecardRoute, 'v1/services/': servicesRoute, 'v1/teams/': teamsRoute, 'v1/check-results/': checkResultsRoute, 'v1/adoption/': adoptionRoute, 'v1/adoption/series/': adoptionSeriesRoute, 'badges/[file]/': badgeRoute, 'exemptions/': exemptionsRoute, 'v1/impact/': impactRoute, 'scorecards/export.csv/': scorecardsCsvRoute, 'metrics/teams/export.csv/': teamMetricsCsvRoute, 'campaigns/[name]/export.csv/': campaignCsvRoute };
const page = (path: string) => PAGES[path] as Page;
const route = (path: string) => ROUTES[path] as Route;

// Outside a request Next has no headers to give: pages are rendered for an anonymous visitor with none.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => new Map() }));

beforeEach(() => {
  // Client components (their hooks) are not run outside React's renderer, and React says so on the console.
  const error = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!/Invalid hook call/.test(String(args[0]))) error(...args);
  });
});
afterEach(() => vi.restoreAllMocks());

describeEachBackend('reads never write', ({ db, handle }) => {
  it('renders every page and answers every API read without changing a row of any table', { timeout: 600_000 }, async () => {
    setDbHandle(handle());
    await loadDemoOrganization({ db: db(), days: 14 });
    // What writers and the server's upkeep keep current, done before the readers come.
    await ensureScorecardsFresh({ db: db() });
    await ensureMetricsRollup(db(), getMetricsSettings());
    await ensureImpactAnalyses({ db: db() });
    const [{ service, team } = { service: '', team: '' }] = await queryRows<{ service: string; team: string }>(
      db(),
      sql`select name as service, team from services where team is not null order by name limit 1`,
    );
    const tables = (
      await queryRows<{ name: string }>(db(), sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)
    ).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['deployments', 'scorecard_snapshots', 'stored_analyses', 'metrics_first_shipments', 'data_revision']));
    const before = await snapshotTables(db(), tables);

    const pages: [string, Record<string, string>, Record<string, string>][] = [
      ['', {}, {}],
      ['', {}, { range: '30', edition: '2024' }],
      ['dora/', {}, {}],
      ['teams/', {}, {}],
      ['teams/[team]/', { team }, {}],
      ['services/', {}, {}],
      ['services/[name]/', { name: service }, {}],
      ['adoption/', {}, {}],
      ['impact/', {}, {}],
      ['impact/', {}, { window: '60' }],
      ['standards/', {}, {}],
      ['ingest/', {}, {}],
      ['activity/deployments/', {}, { failed: 'true' }],
      ['activity/changes/', {}, {}],
      ['activity/incidents/', {}, {}],
      ['campaigns/', {}, {}],
      ['campaigns/[name]/', { name: 'otel-tier-1' }, {}],
      ['reports/maturity/', {}, {}],
    ];
    for (const [path, params, searchParams] of pages) {
      const rendered = page(path)({ params: Promise.resolve(params), searchParams: Promise.resolve(searchParams) });
      await expect(renderServerTree(rendered), `/${path}`).resolves.toBeGreaterThan(0);
    }
    const reads: [string, string, Record<string, string>][] = [
      ['health/', '', {}],
      ['v1/metrics/', '', {}],
      ['v1/metrics/', `?team=${team}`, {}],
      ['v1/metrics/series/', `?service=${service}&bucket=week`, {}],
      ['v1/metrics/deployments/', '', {}],
      ['v1/metrics/changes/', '', {}],
      ['v1/metrics/incidents/', '', {}],
      ['v1/scorecards/', '', {}],
      ['v1/services/[name]/scorecard/', '', { name: service }],
      ['v1/services/', '', {}],
      ['v1/teams/', '', {}],
      ['v1/check-results/', '?status=fail', {}],
      ['v1/adoption/', '', {}],
      ['v1/adoption/series/', '', {}],
      ['badges/[file]/', '', { file: `${service}.svg` }],
      ['exemptions/', '', {}],
      ['v1/impact/', '', {}],
      ['v1/impact/', '?check=readme&windowDays=14', {}],
      ['scorecards/export.csv/', '', {}],
      ['metrics/teams/export.csv/', '', {}],
      ['campaigns/[name]/export.csv/', '', { name: 'otel-tier-1' }],
    ];
    for (const [path, query, params] of reads) {
      const response = await route(path)(new Request(`http://localhost/api/${path}${query}`), { params: Promise.resolve(params) });
      expect(response.status, `/api/${path}${query}`).toBeLessThan(300);
    }

    expect(await snapshotTables(db(), tables)).toEqual(before);
  });
});

import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GET as getOpenApi } from '../../app/api/v1/openapi.json/route';
import { loadDemoOrganization } from '../../ingest/demo/load-demo-organization';
import { createApiToken } from '../../lib/auth/create-api-token';
import { resetConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { queryRows } from '../../lib/db/query-rows';
import { ensureImpactAnalyses } from '../../lib/impact/ensure-impact-analyses';
import { ensureMetricsRollup } from '../../lib/metrics/ensure-metrics-rollup';
import { getMetricsSettings } from '../../lib/metrics/get-metrics-settings';
import { ensureScorecardsFresh } from '../../lib/scorecard/ensure-scorecards-fresh';
import { describeEachBackend } from '../helpers/test-db';

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type OpenApi = { paths: Record<string, { get: { parameters: { name: string }[] } }> };

const ROOT = join(import.meta.dirname, '../..');
const APP = 'http://localhost';

// The route module of an OpenAPI path, found where Next finds it: /api/v1/services/{name}/scorecard is
// app/api/v1/services/[name]/scorecard/route.ts. A documented path without a route fails the import.
const routeOf = async (path: string) => ((await import(join(ROOT, 'app', path.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts'))) as { GET: Route }).GET;

const call = async (path: string, query = '', { params = {}, headers = {} }: { params?: Record<string, string>; headers?: Record<string, string> } = {}) => {
  const url = `${APP}${path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key]!))}${query}`;
  return (await routeOf(path))(new Request(url, { headers }), { params: Promise.resolve(params) });
};

afterEach(() => {
  delete process.env.WAYMARK_REQUIRE_READ_TOKEN;
  resetConfig();
});

describeEachBackend('/api/v1 contract', ({ db, handle }) => {
  beforeEach(() => setDbHandle(handle()));

  it('publishes a valid OpenAPI 3.1 document, and every route answers the demo as it says', { timeout: 600_000 }, async () => {
    const response = await getOpenApi();
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApi;
    const validation = await new Validator().validate(document as never);
    expect(validation).toEqual({ valid: true });
    expect((document as { openapi?: string }).openapi).toBe('3.1.0');

    await loadDemoOrganization({ db: db(), days: 14 });
    await ensureScorecardsFresh({ db: db() });
    await ensureMetricsRollup(db(), getMetricsSettings());
    await ensureImpactAnalyses({ db: db() });
    const [{ service, team } = { service: '', team: '' }] = await queryRows<{ service: string; team: string }>(
      db(),
      sql`select name as service, team from services where team is not null order by name limit 1`,
    );

    // Real answers against the document's own response schemas (ajv, JSON Schema 2020-12 as OpenAPI 3.1 says).
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema(document, 'openapi');
    const pointer = (path: string) => `openapi#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/get/responses/200/content/application~1json/schema`;
    const samples: Record<string, string[]> = {
      '/api/v1/services': ['', `?team=${team}`],
      '/api/v1/teams': [''],
      '/api/v1/metrics': ['', `?team=${team}&edition=2023`, `?service=${service}&edition=2024&benchmark=industry:all`, '?edition=2025'],
      '/api/v1/metrics/series': [`?team=${team}`, '?bucket=month&edition=2024'],
      '/api/v1/metrics/deployments': ['', '?failed=true', '?rework=false&limit=5'],
      '/api/v1/metrics/changes': ['', '?dropped=true'],
      '/api/v1/metrics/incidents': ['', '?of=attributed'],
      '/api/v1/scorecards': ['', `?team=${team}`],
      '/api/v1/services/{name}/scorecard': [''],
      '/api/v1/check-results': ['', '?status=fail', `?service=${service}&check=readme`],
      '/api/v1/adoption': ['', `?team=${team}`],
      '/api/v1/adoption/series': ['', '?bucket=day'],
      '/api/v1/impact': ['', '?check=readme&windowDays=14'],
    };
    expect(Object.keys(samples).sort()).toEqual(Object.keys(document.paths).sort());
    for (const [path, queries] of Object.entries(samples)) {
      for (const query of queries) {
        const answer = await call(path, query, { params: { name: service } });
        const label = `${path}${query}`;
        expect([label, answer.status]).toEqual([label, 200]);
        const body: unknown = await answer.json();
        const valid = ajv.validate({ $ref: pointer(path) }, body);
        expect([label, valid ? null : ajv.errorsText(ajv.errors)]).toEqual([label, null]);
        // Every answer carries an ETag, and sending it back is a 304 with no body.
        const etag = answer.headers.get('etag')!;
        expect(etag).toMatch(/^"[\w-]{27}"$/);
        const again = await call(path, query, { params: { name: service }, headers: { 'if-none-match': etag } });
        expect([label, again.status, again.headers.get('etag'), await again.text()]).toEqual([label, 304, etag, '']);
      }
    }
    // A validator that accepts anything would pass the loop above; this answer must not pass.
    expect(ajv.validate({ $ref: pointer('/api/v1/metrics') }, { scope: { org: true } })).toBe(false);
  });

  it('pages by cursor to the end, binds a cursor to its filters, and honours read tokens', { timeout: 600_000 }, async () => {
    await loadDemoOrganization({ db: db(), days: 14 });
    const whole = (await (await call('/api/v1/metrics/deployments', '?limit=1000')).json()) as { items: { id: string }[]; total: number; nextCursor: null };
    expect(whole.total).toBeGreaterThan(7);
    expect(whole.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await call('/api/v1/metrics/deployments', query)).json()) as { items: { id: string }[]; total: number; nextCursor: string | null };
      expect(page.total).toBe(whole.total);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(seen).toEqual(whole.items.map((item) => item.id));
    expect(pages).toBe(Math.ceil(whole.total / 3));

    const first = (await (await call('/api/v1/services', '?limit=2')).json()) as { nextCursor: string };
    const other = await call('/api/v1/services', `?limit=2&team=nobody&cursor=${first.nextCursor}`);
    expect(other.status).toBe(400);
    expect((await other.json()).details).toEqual(['cursor: issued for other filters; start again without it']);
    expect((await call('/api/v1/services', '?cursor=garbage')).status).toBe(400);
    expect((await (await call('/api/v1/services', '?limit=0')).json()).details).toEqual(['limit: must be a whole number from 1 to 1000']);
    expect((await (await call('/api/v1/teams', '?tema=x')).json()).details).toEqual(['tema: unknown parameter']);
    expect((await call('/api/v1/metrics', '?cursor=x')).status).toBe(400);
    expect((await call('/api/v1/services/{name}/scorecard', '', { params: { name: 'nope' } })).status).toBe(404);

    process.env.WAYMARK_REQUIRE_READ_TOKEN = 'true';
    resetConfig();
    expect((await call('/api/v1/scorecards')).status).toBe(401);
    const { token } = await createApiToken(db(), 'backstage', { scopes: ['read'] });
    const read = await call('/api/v1/scorecards', '', { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    expect((await getOpenApi()).status).toBe(200);
  });
});

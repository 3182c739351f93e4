import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createSession } from '../../lib/auth/create-session';
import { getConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { clearAuthConfig, useAuthConfig } from '../helpers/auth-config';
import { registerSources } from '../../ingest/sources/register-sources';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';

const ROOT = join(import.meta.dirname, '../..');
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

// Writes that authenticate otherwise, each with its own tests: webhooks by the forge's signature
// (test/webhooks), sign-out by being same-origin and ending only the caller's own session (oidc-sign-in.test.ts).
const OTHERWISE_AUTHENTICATED = new Set(['app/api/webhooks/[source]/route.ts', 'app/auth/sign-out/route.ts']);

// Machine endpoints that take an API token only: a session cookie is no credential there, so it gets 401, not 403.
const TOKEN_ONLY = new Set(['app/api/events/cdevents/route.ts']);

const findRoutes = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return findRoutes(path);
    return entry.name === 'route.ts' ? [relative(ROOT, path)] : [];
  });

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const writeHandlers = async () => {
  const found: { route: string; method: string; handler: Handler }[] = [];
  for (const route of findRoutes(join(ROOT, 'app'))) {
    const source = readFileSync(join(ROOT, route), 'utf8');
    const methods = WRITE_METHODS.filter((method) => new RegExp(`export (async )?function ${method}\\b`).test(source));
    if (methods.length === 0 || OTHERWISE_AUTHENTICATED.has(route)) continue;
    const routeModule = (await import(join(ROOT, route))) as Record<string, Handler>;
    for (const method of methods) found.push({ route, method, handler: routeModule[method]! });
  }
  return found;
};

const params = { params: Promise.resolve({ id: 'exm_000000000000', name: 'payments', file: 'x.svg', source: 'github' }) };
const call = (handler: Handler, method: string, headers: Record<string, string>) =>
  handler(new Request('http://localhost/api/scan', { method, body: '{}', headers: { 'content-type': 'application/json', ...headers } }), params);

beforeAll(() => {
  useAuthConfig('https://id.example.com');
  // Receivers with a route of their own (CDEvents) answer only once registered, as the server does at start.
  registerSources();
});
afterAll(() => clearAuthConfig());

it('finds every mutating route handler (and the only exceptions are the ones listed)', async () => {
  const routes = new Set((await writeHandlers()).map((entry) => `${entry.method} ${entry.route}`));
  expect(routes).toEqual(
    new Set([
      'POST app/api/acknowledgements/route.ts',
      'POST app/api/campaigns/route.ts',
      'POST app/api/checks/results/route.ts',
      'POST app/api/events/route.ts',
      'POST app/api/events/cdevents/route.ts',
      'POST app/api/exemptions/route.ts',
      'DELETE app/api/exemptions/[id]/route.ts',
      'POST app/api/exemptions/[id]/decision/route.ts',
      'POST app/api/exemptions/requests/route.ts',
      'POST app/api/v1/roles/route.ts',
      'DELETE app/api/v1/roles/[id]/route.ts',
      'POST app/api/v1/tokens/route.ts',
      'DELETE app/api/v1/tokens/[id]/route.ts',
    ]),
  );
});

describeEachBackend('every write route refuses callers without the right to write', ({ db, handle }) => {
  beforeEach(() => setDbHandle(handle()));

  it('401 without credentials, 403 for a viewer, for a cross-site post and for a token without the scope', async () => {
    const viewer = { subject: 'vic', name: 'vic', email: 'vic@example.com', groups: [], roles: ['viewer'], teams: [] };
    // An admin may make every write: its cross-site post is refused for being cross-site alone.
    const admin = { ...viewer, subject: 'ada', roles: ['viewer', 'admin'] };
    const viewerCookie = `waymark-session=${(await createSession({ db: db(), config: getConfig(), user: viewer, previous: null })).value}`;
    const adminCookie = `waymark-session=${(await createSession({ db: db(), config: getConfig(), user: admin, previous: null })).value}`;
    const { token } = await createApiToken(db(), 'read-only', { scopes: ['read'] });
    const handlers = await writeHandlers();
    for (const { route, method, handler } of handlers) {
      const label = `${method} ${route}`;
      expect([label, (await call(handler, method, {})).status]).toEqual([label, 401]);
      const cookieRefusal = TOKEN_ONLY.has(route) ? 401 : 403;
      const asViewer = await call(handler, method, { cookie: viewerCookie, origin: 'http://localhost' });
      expect([label, asViewer.status]).toEqual([label, cookieRefusal]);
      const crossSite = await call(handler, method, { cookie: adminCookie, origin: 'https://evil.example' });
      expect([label, crossSite.status]).toEqual([label, cookieRefusal]);
      expect([label, (await call(handler, method, { authorization: `Bearer ${token}` })).status]).toEqual([label, 403]);
    }
    expect(handlers.length).toBeGreaterThanOrEqual(10);
    expect(await countRows(db(), 'audit_log')).toBe(0);
  });
});

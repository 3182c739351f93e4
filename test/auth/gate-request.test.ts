import { expect, it } from 'vitest';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createSession } from '../../lib/auth/create-session';
import { describeAccess } from '../../lib/auth/describe-access';
import { gateRequest } from '../../lib/auth/gate-request';
import { resolveListenHost } from '../../lib/auth/get-auth-settings';
import { isSameOriginRequest } from '../../lib/auth/resolve-principal';
import { loadConfig } from '../../lib/config/load-config';
import { describeEachBackend } from '../helpers/test-db';

const signIn = { WAYMARK_OIDC_ISSUER: 'https://id.example.com', WAYMARK_OIDC_CLIENT_ID: 'waymark' };
const configOf = (env: Record<string, string>) => loadConfig({ env, cwd: '/nonexistent' }).config;
const user = { subject: 'u1', name: 'U', email: 'u@example.com', groups: [], roles: ['viewer'], teams: [] };

it('listens on 127.0.0.1 only without sign-in, everywhere with it; another host without sign-in is "open"', () => {
  expect(resolveListenHost(configOf({}))).toEqual({ host: '127.0.0.1', open: false });
  expect(resolveListenHost(configOf(signIn))).toEqual({ host: '0.0.0.0', open: false });
  const open = configOf({ WAYMARK_HOST: '0.0.0.0', WAYMARK_ALLOW_ANONYMOUS: 'true' });
  expect(resolveListenHost(open)).toEqual({ host: '0.0.0.0', open: true });
  expect(describeAccess(open, '0.0.0.0', true)).toMatch(/^WARNING: .*open to everyone/);
  expect(describeAccess(configOf({}), '127.0.0.1', false)).toMatch(/127\.0\.0\.1 only, where the local user is admin/);
});

describeEachBackend('the request gate', ({ db }) => {
  const gate = (config: ReturnType<typeof configOf>, path: string, headers: Record<string, string> = {}) =>
    gateRequest({ db: db(), config, request: new Request(`http://localhost${path}`, { headers }) });

  it('lets everything through without sign-in configured', async () => {
    expect(await gate(configOf({}), '/services', { accept: 'text/html' })).toBeNull();
  });

  it('sends a page navigation to sign-in, answers 401 to RSC and API requests, opens health, webhooks and sign-in', async () => {
    const config = configOf(signIn);
    expect(await gate(config, '/services/payments?days=30', { accept: 'text/html' })).toMatchObject({ status: 302, headers: { location: '/auth/sign-in?returnTo=%2Fservices%2Fpayments%3Fdays%3D30' } });
    expect(await gate(config, '/services', { accept: 'text/html', rsc: '1' })).toMatchObject({ status: 401 });
    expect(await gate(config, '/api/v1/scorecards')).toMatchObject({ status: 401 });
    expect(await gate(config, '/api/audit', { authorization: 'Bearer wmk_000000000000_' + 'x'.repeat(43) })).toMatchObject({ status: 401 });
    for (const path of ['/api/health', '/api/webhooks/github', '/auth/sign-in', '/auth/callback?code=x', '/_next/static/chunks/a.js']) expect(await gate(config, path)).toBeNull();
  });

  it('with requireReadToken and no sign-in, pages need a token as the read APIs do; API routes check their own', async () => {
    const config = configOf({ WAYMARK_REQUIRE_READ_TOKEN: 'true' });
    const page = await gate(config, '/services', { accept: 'text/html' });
    expect(page).toMatchObject({ status: 401 });
    expect(page!.body).toContain('configure sign-in (auth.oidc)');
    expect(await gate(config, '/teams', { accept: 'text/x-component', rsc: '1' })).toMatchObject({ status: 401 });
    expect(await gate(config, '/services', { authorization: 'Bearer wmk_000000000000_' + 'x'.repeat(43) })).toMatchObject({ status: 401 });
    const { token } = await createApiToken(db(), 'reader');
    expect(await gate(config, '/services', { authorization: `Bearer ${token}` })).toBeNull();
    for (const path of ['/api/v1/scorecards', '/api/health', '/api/webhooks/github', '/_next/static/chunks/a.js']) {
      expect(await gate(config, path)).toBeNull();
    }
  });

  it('lets a session or a valid token through', async () => {
    const config = configOf(signIn);
    const session = await createSession({ db: db(), config, user, previous: null });
    expect(await gate(config, '/services', { accept: 'text/html', cookie: `waymark-session=${session.value}` })).toBeNull();
    const { token } = await createApiToken(db(), 'reader');
    expect(await gate(config, '/api/v1/scorecards', { authorization: `Bearer ${token}` })).toBeNull();
  });
});

it('a write from the address the browser used is same-origin, whatever name the server started with', () => {
  const config = configOf({});
  // Next builds request.url from the name it started with; the Host header is the address the browser used.
  const write = (origin: string, host = '127.0.0.1:3000') =>
    isSameOriginRequest(config, new Request('http://localhost:3000/api/v1/tokens', { headers: { origin, host } }));
  expect(write('http://127.0.0.1:3000')).toBe(true);
  expect(write('http://localhost:3000', 'localhost:3000')).toBe(true);
  expect(write('https://evil.example')).toBe(false);
  expect(write('http://127.0.0.1:3001')).toBe(false);
  // With server.publicUrl set, that origin alone.
  const pinned = configOf({ WAYMARK_PUBLIC_URL: 'https://waymark.example.com' });
  const request = new Request('http://localhost:3000/x', {
    headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
  });
  expect(isSameOriginRequest(pinned, request)).toBe(false);
});

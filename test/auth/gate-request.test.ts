import { expect, it } from 'vitest';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createSession } from '../../lib/auth/create-session';
import { describeAccess } from '../../lib/auth/describe-access';
import { gateRequest } from '../../lib/auth/gate-request';
import { resolveListenHost } from '../../lib/auth/get-auth-settings';
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

  it('lets a session or a valid token through', async () => {
    const config = configOf(signIn);
    const session = await createSession({ db: db(), config, user, previous: null });
    expect(await gate(config, '/services', { accept: 'text/html', cookie: `waymark-session=${session.value}` })).toBeNull();
    const { token } = await createApiToken(db(), 'reader');
    expect(await gate(config, '/api/v1/scorecards', { authorization: `Bearer ${token}` })).toBeNull();
  });
});

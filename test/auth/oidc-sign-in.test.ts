import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { GET as readScorecards } from '../../app/api/v1/scorecards/route';
import { GET as signIn } from '../../app/auth/sign-in/route';
import { POST as signOut } from '../../app/auth/sign-out/route';
import { setDbHandle } from '../../lib/db/client';
import { auditLog, sessions } from '../../lib/db/schema';
import { grantRole, revokeRole } from '../../lib/auth/grant-role';
import { hashCookieValue } from '../../lib/auth/session-cookie';
import { clearAuthConfig, TEST_CLIENT, TEST_ROLES, useAuthConfig } from '../helpers/auth-config';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { APP, callCallback, reachCallback, readSetCookie, signInAs } from '../helpers/sign-in';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';

let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider({
    accounts: { ana: ['wm-platform'], olli: ['team-payments'], vic: [] },
    ...TEST_CLIENT,
  });
  useAuthConfig(provider.issuer);
});
afterAll(async () => {
  clearAuthConfig();
  await provider.close();
});

const read = (cookie?: string) =>
  readScorecards(
    new Request(`${APP}/api/v1/scorecards`, { headers: cookie ? { cookie: `waymark-session=${cookie}` } : {} }),
  );

describeEachBackend('sign-in with OpenID Connect', ({ db, handle }) => {
  beforeEach(() => setDbHandle(handle()));

  it('sends PKCE (S256), state and nonce, and the registered redirect URI', async () => {
    const started = await signIn(new Request(`${APP}/auth/sign-in`));
    const url = new URL(started.headers.get('location')!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(TEST_CLIENT.redirectUri);
    expect(readSetCookie(started, 'waymark-sign-in')!.attributes).toMatch(/HttpOnly; SameSite=Lax$/);
  });

  it('signs in through the provider: an HTTP-only SameSite=Lax session cookie, roles from groups, reads open', async () => {
    expect((await read()).status).toBe(401);
    const { callbackUrl, attempt } = await reachCallback('ana', '/services');
    const response = await callCallback(callbackUrl, { 'waymark-sign-in': attempt });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/services');
    const cookie = readSetCookie(response, 'waymark-session')!;
    expect(cookie.attributes).toContain('HttpOnly');
    expect(cookie.attributes).toContain('SameSite=Lax');
    expect(cookie.attributes).not.toContain('Secure');
    const [row] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashCookieValue(cookie.value)));
    expect(row).toMatchObject({
      subject: 'ana',
      email: 'ana@example.com',
      groups: ['wm-platform'],
      roles: ['viewer', 'platform'],
      teams: [],
    });
    expect((await read(cookie.value)).status).toBe(200);
    const audit = await db()
      .select({ action: auditLog.action, actor: auditLog.actor, role: auditLog.actorRole })
      .from(auditLog);
    expect(audit).toEqual([{ action: 'auth.sign-in', actor: 'ana@example.com', role: 'platform' }]);
  });

  it('maps a group to the team it owns', async () => {
    const cookie = await signInAs('olli');
    const [row] = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashCookieValue(cookie)));
    expect(row).toMatchObject({ roles: ['viewer', 'owner'], teams: ['payments'] });
  });

  it('adds roles granted in the app to those of the groups, from the next sign-in; a revoked grant no longer counts', async () => {
    await grantRole({ db: db(), subject: 'vic', role: 'owner', team: 'ledger', grantedBy: 'test' });
    await grantRole({ db: db(), subject: 'vic', role: 'platform', grantedBy: 'test' });
    await expect(grantRole({ db: db(), subject: 'vic', role: 'owner', grantedBy: 'test' })).rejects.toThrow(
      /names the team/,
    );
    const granted = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashCookieValue(await signInAs('vic'))));
    expect(granted[0]).toMatchObject({ roles: ['viewer', 'platform', 'owner'], teams: ['ledger'] });
    await revokeRole({ db: db(), subject: 'vic', role: 'platform' });
    const revoked = await db()
      .select()
      .from(sessions)
      .where(eq(sessions.id, hashCookieValue(await signInAs('vic'))));
    expect(revoked[0]).toMatchObject({ roles: ['viewer', 'owner'], teams: ['ledger'] });
  });

  it('rotates the session on sign-in: a new id, and the session the browser had ends', async () => {
    const first = await signInAs('vic');
    const { callbackUrl, attempt } = await reachCallback('vic');
    const second = readSetCookie(
      await callCallback(callbackUrl, { 'waymark-sign-in': attempt, 'waymark-session': first }),
      'waymark-session',
    )!.value;
    expect(second).not.toBe(first);
    expect((await read(first)).status).toBe(401);
    expect((await read(second)).status).toBe(200);
  });

  it('signs out server-side: the old cookie gets 401 afterwards; a cross-site sign-out is refused', async () => {
    const cookie = await signInAs('vic');
    const crossSite = await signOut(
      new Request(`${APP}/auth/sign-out`, {
        method: 'POST',
        headers: { cookie: `waymark-session=${cookie}`, origin: 'https://evil.example' },
      }),
    );
    expect(crossSite.status).toBe(403);
    expect((await read(cookie)).status).toBe(200);
    const out = await signOut(
      new Request(`${APP}/auth/sign-out`, {
        method: 'POST',
        headers: { cookie: `waymark-session=${cookie}`, origin: APP },
      }),
    );
    expect(out.status).toBe(303);
    expect(readSetCookie(out, 'waymark-session')!.attributes).toContain('Max-Age=0');
    expect((await read(cookie)).status).toBe(401);
  });

  it('with signOutAtProvider, signs out at the provider too, which accepts the way back home', async () => {
    const oidc = {
      issuer: provider.issuer,
      clientId: TEST_CLIENT.clientId,
      scopes: ['openid', 'email', 'profile', 'groups'],
    };
    useAuthConfig(provider.issuer, { auth: { oidc: { ...oidc, signOutAtProvider: true }, roles: TEST_ROLES } });
    try {
      const cookie = await signInAs('vic');
      const out = await signOut(
        new Request(`${APP}/auth/sign-out`, {
          method: 'POST',
          headers: { cookie: `waymark-session=${cookie}`, origin: APP },
        }),
      );
      expect(out.status).toBe(303);
      const location = new URL(out.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/session/end`);
      expect(Object.fromEntries(location.searchParams)).toEqual({
        client_id: TEST_CLIENT.clientId,
        post_logout_redirect_uri: `${APP}/`,
      });
      expect((await read(cookie)).status).toBe(401);
      // The provider knows the client and the URI: it asks the user to confirm, rather than refusing the request.
      const confirm = await fetch(location);
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toContain('<form');
    } finally {
      useAuthConfig(provider.issuer);
    }
  });

  it('refuses an idle session, one past its absolute expiry, and a tampered cookie', async () => {
    const idle = await signInAs('vic');
    await db()
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 481 * 60_000) })
      .where(eq(sessions.id, hashCookieValue(idle)));
    expect((await read(idle)).status).toBe(401);
    const old = await signInAs('vic');
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, hashCookieValue(old)));
    expect((await read(old)).status).toBe(401);
    const fresh = await signInAs('vic');
    const tampered = `${fresh.slice(0, -1)}${fresh.endsWith('A') ? 'B' : 'A'}`;
    expect((await read(tampered)).status).toBe(401);
    expect((await read(fresh)).status).toBe(200);
  });

  it('refuses a wrong state and a replayed callback, and stores no session', async () => {
    const { callbackUrl, attempt } = await reachCallback('vic');
    const wrong = new URL(callbackUrl);
    wrong.searchParams.set('state', 'not-the-state');
    expect((await callCallback(wrong.href, { 'waymark-sign-in': attempt })).status).toBe(401);
    const again = await reachCallback('vic');
    expect((await callCallback(again.callbackUrl, { 'waymark-sign-in': again.attempt })).status).toBe(302);
    const replay = await callCallback(again.callbackUrl, { 'waymark-sign-in': again.attempt });
    expect(replay.status).toBe(401);
    expect((await replay.json()).error).toMatch(/already used/);
    expect(await countRows(db(), 'sessions')).toBe(1);
  });

  const refusals: Array<[string, Parameters<TestProvider['tamperNextIdToken']>[0], RegExp]> = [
    ['another audience', (payload) => ({ payload: { ...payload, aud: 'some-other-client' } }), /aud/],
    ['a wrong nonce', (payload) => ({ payload: { ...payload, nonce: 'replayed-nonce' } }), /nonce/],
    ['an expired token', (payload) => ({ payload: { ...payload, iat: 1_600_000_000, exp: 1_600_000_600 } }), /exp/],
    ['another issuer', (payload) => ({ payload: { ...payload, iss: 'https://evil.example' } }), /iss/],
    [
      'a forged signature',
      (payload) => ({ payload: { ...payload, sub: 'someone-else' }, forgeSignature: true }),
      /signature|key/i,
    ],
  ];
  for (const [what, tamper, reason] of refusals) {
    it(`refuses an ID token with ${what}`, async () => {
      const { callbackUrl, attempt } = await reachCallback('vic');
      provider.tamperNextIdToken(tamper);
      const response = await callCallback(callbackUrl, { 'waymark-sign-in': attempt });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatch(reason);
      expect(await countRows(db(), 'sessions')).toBe(0);
    });
  }
});

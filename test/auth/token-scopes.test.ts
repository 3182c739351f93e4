import { registerSources } from '../../ingest/sources/register-sources';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { POST as postEvents } from '../../app/api/events/route';
import { DELETE as revokeToken } from '../../app/api/v1/tokens/[id]/route';
import { GET as listTokens, POST as createToken } from '../../app/api/v1/tokens/route';
import { createApiToken } from '../../lib/auth/create-api-token';
import { createSession } from '../../lib/auth/create-session';
import { getConfig } from '../../lib/config/load-config';
import { setDbHandle } from '../../lib/db/client';
import { clearAuthConfig, useAuthConfig } from '../helpers/auth-config';
import { toNdjson } from '../helpers/event-input';
import { describeEachBackend } from '../helpers/test-db';

// What instrumentation.ts does when the server starts: the route finds the events source registered.
registerSources();

const APP = 'http://localhost';
const deployment = { kind: 'deployment', id: 'd1', service: 'payments', environment: 'production', status: 'success', finishedAt: '2026-01-05T10:07:00Z' };
const events = (token: string) => postEvents(new Request(`${APP}/api/events`, { method: 'POST', body: toNdjson([deployment]), headers: { authorization: `Bearer ${token}` } }));

beforeAll(() => useAuthConfig('https://id.example.com'));
afterAll(() => clearAuthConfig());

describeEachBackend('API tokens: scopes, expiry, last use, and the platform team manages them', ({ db, handle }) => {
  beforeEach(() => setDbHandle(handle()));

  it('a token may do what its scopes say, and nothing once expired or revoked', async () => {
    const checksOnly = await createApiToken(db(), 'ci-checks', { scopes: ['checks:write'] });
    expect((await events(checksOnly.token)).status).toBe(403);
    const pusher = await createApiToken(db(), 'ci-events', { scopes: ['events:write'] });
    expect((await events(pusher.token)).status).toBe(200);
    const expired = await createApiToken(db(), 'old', { scopes: ['events:write'], expiresAt: new Date(Date.now() - 1000) });
    expect((await events(expired.token)).status).toBe(401);
    await expect(createApiToken(db(), 'bad', { scopes: ['everything'] })).rejects.toThrow(/scopes: expected one or more of read, events:write, checks:write, admin; not everything/);
  });

  it('a platform user creates a token in the UI (shown once), lists and revokes it; a viewer may not', async () => {
    const user = (subject: string, roles: string[]) => ({ subject, name: subject, email: `${subject}@example.com`, groups: [], roles, teams: [] });
    const session = async (subject: string, roles: string[]) => `waymark-session=${(await createSession({ db: db(), config: getConfig(), user: user(subject, roles), previous: null })).value}`;
    const ana = await session('ana', ['viewer', 'platform']);
    const vic = await session('vic', ['viewer']);
    const body = JSON.stringify({ name: 'deploy-bot', scopes: ['events:write'], expiresInDays: 30 });
    const post = (cookie: string) => createToken(new Request(`${APP}/api/v1/tokens`, { method: 'POST', body, headers: { cookie, origin: APP } }));
    expect((await post(vic)).status).toBe(403);
    const created = await post(ana);
    expect(created.status).toBe(201);
    const { id, token } = await created.json();
    expect((await events(token)).status).toBe(200);
    const listed = await (await listTokens(new Request(`${APP}/api/v1/tokens`, { headers: { cookie: ana } }))).json();
    expect(listed).toEqual([expect.objectContaining({ id, name: 'deploy-bot', scopes: ['events:write'], owner: 'ana', lastUsedAt: expect.any(String), revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token.split('_')[2]);
    const revoked = await revokeToken(new Request(`${APP}/api/v1/tokens/${id}`, { method: 'DELETE', headers: { cookie: ana, origin: APP } }), { params: Promise.resolve({ id }) });
    expect(revoked.status).toBe(200);
    expect((await events(token)).status).toBe(401);
  });
});

import { expect, it } from 'vitest';
import { createApiToken } from '../../lib/auth/create-api-token';
import { listApiTokens } from '../../lib/auth/list-api-tokens';
import { revokeApiToken } from '../../lib/auth/revoke-api-token';
import { verifyApiToken } from '../../lib/auth/verify-api-token';
import { apiTokens } from '../../lib/db/schema';
import { describeEachBackend } from '../helpers/test-db';

describeEachBackend('API tokens', ({ db }) => {
  it('accepts the token it created, and stores only a hash of it', async () => {
    const { token, id } = await createApiToken(db(), 'jenkins');
    expect(token).toMatch(/^wmk_[a-f0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(await verifyApiToken(db(), `Bearer ${token}`)).toEqual({ id, name: 'jenkins', scopes: ['read', 'events:write', 'checks:write', 'admin'] });
    const [row] = await db().select().from(apiTokens);
    // The secret is everything after `wmk_<12 hex>_`; base64url may itself contain `_`, so cut by position.
    const secret = token.slice('wmk_'.length + 12 + 1);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('refuses missing, malformed, unknown and tampered tokens', async () => {
    const { token } = await createApiToken(db(), 'ci');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const otherId = token.replace(/^wmk_[a-f0-9]{12}/, 'wmk_000000000000');
    for (const header of [null, '', 'Bearer', `Basic ${token}`, `Bearer ${tampered}`, `Bearer ${otherId}`, token]) {
      expect(await verifyApiToken(db(), header)).toBeNull();
    }
  });

  it('stops accepting a revoked token, and lists tokens without secrets', async () => {
    const { token } = await createApiToken(db(), 'old');
    await revokeApiToken(db(), 'old');
    expect(await verifyApiToken(db(), `Bearer ${token}`)).toBeNull();
    const [listed] = await listApiTokens(db());
    expect(listed).toMatchObject({ name: 'old', revokedAt: expect.any(Date) });
    expect(Object.keys(listed!)).not.toContain('secretHash');
  });

  it('refuses a duplicate name and an invalid name, and revoking an unknown token', async () => {
    await createApiToken(db(), 'ci');
    await expect(createApiToken(db(), 'ci')).rejects.toThrow(/already exists/);
    await expect(createApiToken(db(), ' bad\nname')).rejects.toThrow(/not a valid token name/);
    await expect(revokeApiToken(db(), 'nope')).rejects.toThrow(/No active token/);
  });

  it('records when a token was last used', async () => {
    const { token } = await createApiToken(db(), 'ci');
    await verifyApiToken(db(), `Bearer ${token}`);
    const [listed] = await listApiTokens(db());
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
  });
});

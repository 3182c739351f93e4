import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import { queryRows } from '../../../lib/db/query-rows';
import { buildFakeOrg } from '../../fakes/github/build-fake-org';
import { startFakeGithub, type FakeGithub } from '../../fakes/github/fake-github-server';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, TEST_TOKEN, testClientOptions } from './github-test-setup';

let fake: FakeGithub;
beforeEach(async () => {
  fake = await startFakeGithub(buildFakeOrg({ repos: 3 }));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fake.close();
});

describeEachBackend('GitHub credentials', ({ db }) => {
  it('never writes the token to logs, errors or stored rows, even when GitHub refuses it', async () => {
    const wrong = 'ghp_wrongtoken1234567890abcdefghijklmnopq';
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const refused = await syncGithub({ db: db(), client: testClientOptions(fake, { auth: { token: wrong } }), settings: TEST_SETTINGS, org: null, repos: ['acme/svc-00', 'acme/svc-01'], now: FIXED_NOW });
    expect(refused.repositories.map((repo) => repo.error)).toEqual([expect.stringMatching(/401/), expect.stringMatching(/401/)]);
    fake.faults.push({ kind: 'primary-rate-limit', times: 1 }, { kind: 'server-error', times: 2 });
    await syncGithub({ db: db(), client: testClientOptions(fake), settings: TEST_SETTINGS, org: 'acme', now: FIXED_NOW });
    const stored = await queryRows<{ text: string }>(db(), sql`select string_agg(t::text, ' ') as text from (select * from ingest_runs) t`);
    const everything = [written.join(''), stored[0]!.text, JSON.stringify(refused)].join('\n');
    expect(everything).toContain('401');
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(TEST_TOKEN);
  });

  it('authenticates as a GitHub App installation: a JWT for an installation token, then that token', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const auth = { appId: '12345', privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), installationId: 42 };
    fake.tokens.clear();
    const outcome = await syncGithub({ db: db(), client: testClientOptions(fake, { auth }), settings: TEST_SETTINGS, org: 'acme', now: FIXED_NOW });
    expect(outcome.repositories.map((repo) => repo.status)).toEqual(['success', 'success', 'success']);
    expect(fake.requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual(['/app/installations/42/access_tokens']);
    expect(fake.requests.filter((request) => request.status === 401)).toEqual([]);
    expect(await countRows(db(), 'deployments')).toBeGreaterThan(0);
  });
});

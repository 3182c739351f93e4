import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createGitlabClient } from '../../../ingest/sources/gitlab/create-gitlab-client';
import { processGitlabDelivery } from '../../../ingest/sources/gitlab/process-gitlab-delivery';
import { createGitlabWebhookReceiver } from '../../../ingest/sources/gitlab/create-gitlab-webhook-receiver';
import { signStandardWebhook, verifyStandardWebhook } from '../../../lib/webhooks/verify-standard-webhook';
import { verifyGitlabToken } from '../../../ingest/sources/gitlab/verify-gitlab-token';
import { resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { buildGitlabWebhookDeliveries } from '../../fakes/gitlab/build-gitlab-webhook-deliveries';
import { buildFakeGitlabGroup } from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';
import { GITLAB_SETTINGS } from './gitlab-test-setup';
import type { Db } from '../../../lib/db/client';

// GitLab's credentials are headers only: its check never reads the database a receiver is handed.
const NO_DB = undefined as unknown as Db;

const TOKEN = 'gitlab-webhook-secret-token';

beforeAll(() => {
  process.env.WAYMARK_GITLAB_WEBHOOK_TOKEN = TOKEN;
  resetConfig();
});
afterAll(() => {
  delete process.env.WAYMARK_GITLAB_WEBHOOK_TOKEN;
  resetConfig();
});
let fake: FakeGitlab | undefined;
afterEach(async () => fake?.close());

const request = (
  headers: Record<string, string>,
  payload: unknown = {
    object_kind: 'pipeline',
    project: { id: 100, path_with_namespace: 'acme/svc-00' },
    object_attributes: { id: 1 },
  },
) =>
  new Request('http://localhost/api/webhooks/gitlab', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });

it('compares X-Gitlab-Token exactly', () => {
  expect(verifyGitlabToken(TOKEN, TOKEN)).toBe(true);
  expect(verifyGitlabToken(TOKEN, `${TOKEN} `)).toBe(false);
  expect(verifyGitlabToken(TOKEN, TOKEN.slice(0, -1))).toBe(false);
  expect(verifyGitlabToken(TOKEN, '')).toBe(false);
  expect(verifyGitlabToken(TOKEN, null)).toBe(false);
});

it('checks signed webhooks: HMAC-SHA256 of id.timestamp.body, v1 and base64, within five minutes', () => {
  const body = Buffer.from('{"object_kind":"push"}');
  const now = new Date('2026-11-20T12:00:00Z');
  vi.useFakeTimers({ now, toFake: ['Date'] });
  try {
    const timestamp = String(now.getTime() / 1000);
    const headers = (signature: string, at = timestamp) =>
      new Headers({ 'webhook-id': 'key-1', 'webhook-timestamp': at, 'webhook-signature': signature });
    const good = signStandardWebhook('whsec_c2lnbmluZy1zZWNyZXQ=', 'key-1', now, body);
    // The same key given as raw text or as a Standard Webhooks `whsec_` secret.
    expect(good).toBe(signStandardWebhook('signing-secret', 'key-1', now, body));
    const verify = (secret: string, sent: Headers, payload = body) => verifyStandardWebhook([secret], sent, payload);
    expect(verify('signing-secret', headers(`v1,bogus ${good}`))).toBeNull();
    expect(verify('signing-secret', headers(good), Buffer.from('{"object_kind":"pish"}'))).toMatch(/does not match/);
    expect(verify('other-secret', headers(good))).toMatch(/does not match/);
    expect(verify('signing-secret', headers(good, String(now.getTime() / 1000 - 301)))).toMatch(/within 5 minutes/);
    expect(verify('signing-secret', new Headers())).toMatch(/are required/);
  } finally {
    vi.useRealTimers();
  }
  // With both credentials configured, both must hold.
  const receiver = createGitlabWebhookReceiver(() => ({ token: TOKEN, signingToken: 'signing-secret' }));
  const fresh = String(Math.floor(Date.now() / 1000));
  const signed = {
    'webhook-id': 'key-1',
    'webhook-timestamp': fresh,
    'webhook-signature': signStandardWebhook('signing-secret', 'key-1', new Date(Number(fresh) * 1000), body),
  };
  expect(receiver.authenticate(new Headers({ ...signed, 'x-gitlab-token': TOKEN }), body, NO_DB)).toBeNull();
  expect(receiver.authenticate(new Headers(signed), body, NO_DB)).toMatchObject({
    status: 401,
    reason: 'missing-token',
  });
  expect(receiver.authenticate(new Headers({ 'x-gitlab-token': TOKEN }), body, NO_DB)).toMatchObject({
    status: 401,
    reason: 'bad-signature',
  });
});

describeEachBackend('POST /api/webhooks/gitlab', ({ db, handle }) => {
  const post = async (headers: Record<string, string>, payload?: unknown) => {
    setDbHandle(handle());
    const response = await postWebhook('gitlab', request(headers, payload));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('refuses missing and wrong tokens and deliveries without an id, storing nothing', async () => {
    expect(await post({ 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-event-uuid': 'a' })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    expect(
      await post({ 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-event-uuid': 'a', 'x-gitlab-token': 'wrong' }),
    ).toMatchObject({ status: 401 });
    expect(await post({ 'x-gitlab-event': 'Pipeline Hook', 'x-gitlab-token': TOKEN })).toMatchObject({ status: 400 });
    expect(await countRows(db(), 'webhook_deliveries')).toBe(0);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
  });

  it('stores a delivery once per Idempotency-Key (else X-Gitlab-Event-UUID), ignores unused events, and normalizes through the API', async () => {
    fake = await startFakeGitlab(buildFakeGitlabGroup({ projects: 1 }));
    const [pipeline] = buildGitlabWebhookDeliveries(fake.world, fake.url).filter(
      (delivery) => delivery.event === 'Pipeline Hook',
    );
    const headers = {
      'x-gitlab-event': 'Pipeline Hook',
      'x-gitlab-event-uuid': 'uuid-1',
      'idempotency-key': 'key-1',
      'x-gitlab-token': TOKEN,
    };
    expect(await post(headers, pipeline!.payload)).toMatchObject({
      status: 202,
      body: { delivery: 'key-1', event: 'Pipeline Hook' },
    });
    // A retry carries the same Idempotency-Key with a new event UUID.
    expect(await post({ ...headers, 'x-gitlab-event-uuid': 'uuid-2' }, pipeline!.payload)).toMatchObject({
      status: 200,
      body: { duplicate: true },
    });
    expect(await post({ ...headers, 'x-gitlab-event': 'Wiki Page Hook', 'idempotency-key': 'key-2' })).toMatchObject({
      status: 202,
      body: { ignored: true },
    });
    expect(await countRows(db(), 'raw_payloads')).toBe(1);

    expect(await processGitlabDelivery({ db: db(), client: null, settings: GITLAB_SETTINGS }, 'key-1')).toMatchObject({
      status: 'skipped',
      reason: 'no token',
    });
    const client = createGitlabClient({ baseUrl: fake.url, token: fake.token, msPerSecond: 1, backoffBaseMs: 1 });
    expect(await processGitlabDelivery({ db: db(), client, settings: GITLAB_SETTINGS }, 'key-1')).toMatchObject({
      status: 'processed',
      project: 'acme/svc-00',
    });
    expect(await countRows(db(), 'pipeline_runs')).toBe(1);
    // Done once: a redelivered job does nothing.
    expect(await processGitlabDelivery({ db: db(), client, settings: GITLAB_SETTINGS }, 'key-1')).toMatchObject({
      status: 'skipped',
    });
  });
});

import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createGitlabClient } from '../../../ingest/sources/gitlab/create-gitlab-client';
import { processGitlabDelivery } from '../../../ingest/sources/gitlab/process-gitlab-delivery';
import { syncGitlab } from '../../../ingest/sources/gitlab/sync-gitlab';
import { resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { listPendingDeliveries } from '../../../lib/webhooks/list-pending-deliveries';
import { buildGitlabWebhookDeliveries } from '../../fakes/gitlab/build-gitlab-webhook-deliveries';
import { buildFakeGitlabGroup } from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows, snapshotTables } from '../../helpers/table-snapshot';
import { createTestDb, describeEachBackend } from '../../helpers/test-db';
import { GITLAB_DOMAIN, GITLAB_SETTINGS, gitlabClientOptions } from './gitlab-test-setup';

const WEBHOOK_TOKEN = 'gitlab-webhook-secret-token';

let fake: FakeGitlab | undefined;
beforeAll(() => {
  process.env.WAYMARK_GITLAB_WEBHOOK_TOKEN = WEBHOOK_TOKEN;
  resetConfig();
});
afterAll(() => {
  delete process.env.WAYMARK_GITLAB_WEBHOOK_TOKEN;
  resetConfig();
});
afterEach(async () => fake?.close());

const hook = (event: string, uuid: string, payload: unknown, token = WEBHOOK_TOKEN) =>
  new Request('http://localhost/api/webhooks/gitlab', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-gitlab-event': event,
      'x-gitlab-event-uuid': uuid,
      'x-gitlab-token': token,
    },
    body: JSON.stringify(payload),
  });

describeEachBackend('a GitLab group of 20 projects', ({ db, backend }) => {
  it('gives the same domain rows by polling as by webhooks through the route and the job', async () => {
    const world = buildFakeGitlabGroup({ projects: 20 });
    fake = await startFakeGitlab(world);
    await syncGitlab({ db: db(), client: gitlabClientOptions(fake), settings: GITLAB_SETTINGS, group: 'acme' });
    const polled = await snapshotTables(db(), GITLAB_DOMAIN);
    expect(await countRows(db(), 'deployment_changes')).toBeGreaterThan(200);

    const hooked = await createTestDb(backend);
    try {
      setDbHandle(hooked);
      const deliveries = buildGitlabWebhookDeliveries(world, fake.url);
      for (const delivery of deliveries)
        expect((await postWebhook('gitlab', hook(delivery.event, delivery.uuid, delivery.payload))).status).toBe(202);
      // A retried delivery (same X-Gitlab-Event-UUID) changes nothing.
      const again = await postWebhook(
        'gitlab',
        hook(deliveries[0]!.event, deliveries[0]!.uuid, deliveries[0]!.payload),
      );
      expect(await again.json()).toMatchObject({ duplicate: true });
      expect(await listPendingDeliveries(hooked.db, 'gitlab')).toHaveLength(deliveries.length);
      const client = createGitlabClient(gitlabClientOptions(fake));
      fake.requests.length = 0;
      for (const delivery of deliveries) {
        const outcome = await processGitlabDelivery(
          { db: hooked.db, client, settings: GITLAB_SETTINGS },
          delivery.uuid,
        );
        expect(outcome).toMatchObject({ status: 'processed' });
      }
      expect(await snapshotTables(hooked.db, GITLAB_DOMAIN)).toEqual(polled);
      console.log(
        `[${backend}] 20 projects by webhooks: ${deliveries.length} deliveries, ${fake.requests.length} API requests`,
      );
    } finally {
      await hooked.close();
    }
  }, 600_000);
});

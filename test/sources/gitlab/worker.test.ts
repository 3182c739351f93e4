import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { startWorker } from '../../../ingest/worker/start-worker';
import { getConfig, resetConfig } from '../../../lib/config/load-config';
import { setDbHandle } from '../../../lib/db/client';
import { webhookDeliveries } from '../../../lib/db/schema';
import { createInProcessQueue } from '../../../lib/jobs/create-in-process-queue';
import { setJobQueue } from '../../../lib/jobs/get-job-queue';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import { buildGitlabWebhookDeliveries } from '../../fakes/gitlab/build-gitlab-webhook-deliveries';
import { buildFakeGitlabGroup } from '../../fakes/gitlab/fake-gitlab-world';
import { startFakeGitlab, type FakeGitlab } from '../../fakes/gitlab/fake-gitlab-server';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend } from '../../helpers/test-db';

const TOKEN = 'gitlab-webhook-secret-token';
const ENV = ['WAYMARK_GITLAB_WEBHOOK_TOKEN', 'WAYMARK_GITLAB_TOKEN'];

let fake: FakeGitlab;
beforeAll(() => {
  process.env.WAYMARK_GITLAB_WEBHOOK_TOKEN = TOKEN;
});
beforeEach(async () => {
  fake = await startFakeGitlab(buildFakeGitlabGroup({ projects: 2 }));
  process.env.WAYMARK_GITLAB_TOKEN = fake.token;
  resetConfig();
});
afterEach(async () => {
  setJobQueue(null);
  await fake.close();
});
afterAll(() => {
  for (const name of ENV) delete process.env[name];
  resetConfig();
});

describeEachBackend('the worker (GitLab)', ({ db, handle }) => {
  it('runs queued project syncs and webhook deliveries, including deliveries stored while no worker ran', async () => {
    setDbHandle(handle());
    // The instance comes from the configuration: point it at the fake.
    const config = getConfig();
    const withFake = { ...config, gitlab: { ...config.gitlab, baseUrl: fake.url } };
    const deliveries = buildGitlabWebhookDeliveries(fake.world, fake.url).filter(
      (delivery) => delivery.event === 'Pipeline Hook',
    );
    const request = (delivery: (typeof deliveries)[number]) =>
      new Request('http://localhost/api/webhooks/gitlab', {
        method: 'POST',
        headers: {
          'x-gitlab-event': delivery.event,
          'x-gitlab-event-uuid': delivery.uuid,
          'x-gitlab-token': TOKEN,
          'content-type': 'application/json',
        },
        body: JSON.stringify(delivery.payload),
      });
    await postWebhook('gitlab', request(deliveries[0]!));
    const queue = createInProcessQueue();
    setJobQueue(queue);
    await startWorker(queue, { db: db(), config: withFake, roles: { webhooks: true, syncs: true } });
    for (const delivery of deliveries.slice(1)) await postWebhook('gitlab', request(delivery));
    await queue.drain();
    const statuses = await db().select({ status: webhookDeliveries.status }).from(webhookDeliveries);
    expect(statuses.map((row) => row.status)).toEqual(deliveries.map(() => 'processed'));
    expect(await countRows(db(), 'pipeline_runs')).toBe(deliveries.length);

    for (const project of ['acme/svc-00', 'acme/svc-01'])
      await queue.send(JOB_NAMES.gitlabSyncProject, { project }, { singletonKey: project });
    await queue.drain();
    expect(await countRows(db(), 'deployments')).toBe(2 * 13);
    expect(await countRows(db(), 'deployment_changes')).toBeGreaterThan(0);
    await queue.stop();
  }, 120_000);
});

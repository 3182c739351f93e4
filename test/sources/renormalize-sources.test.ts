import { tmpdir } from 'node:os';
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { ingestCdevents } from '../../ingest/sources/cdevents/ingest-cdevents';
import { readCdeventsText } from '../../ingest/sources/cdevents/read-cdevents-text';
import { importEvents } from '../../ingest/sources/events/import-events';
import { ingestGitRepository } from '../../ingest/sources/git/ingest-git-repository';
import { processOtelDelivery } from '../../ingest/sources/otel/process-otel-delivery';
import { syncIncidentIo } from '../../ingest/sources/incident-io/sync-incident-io';
import { syncPagerduty } from '../../ingest/sources/pagerduty/sync-pagerduty';
import { RENORMALIZERS } from '../../ingest/sources/renormalize-sources';
import { createApiToken } from '../../lib/auth/create-api-token';
import { loadConfig } from '../../lib/config/load-config';
import type { Db } from '../../lib/db/client';
import { setDbHandle } from '../../lib/db/client';
import { deploymentChanges, deployments, incidents, pipelineRuns } from '../../lib/db/schema';
import { listPendingDeliveries } from '../../lib/webhooks/list-pending-deliveries';
import { buildPagerdutyWorld } from '../fakes/pagerduty/build-pagerduty-world';
import { startFakePagerduty, type FakePagerduty } from '../fakes/pagerduty/fake-pagerduty-server';
import { buildIncidentIoWorld } from '../fakes/incident-io/build-incident-io-world';
import { startFakeIncidentIo, type FakeIncidentIo } from '../fakes/incident-io/fake-incident-io-server';
import { asLines } from '../helpers/event-input';
import { postWebhook } from '../helpers/post-webhook';
import { snapshotTables } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';
import { exampleText, MAPPED_EXAMPLES } from './cdevents/cdevents-fixtures';
import { createGitFixture, type GitFixture } from './git/git-fixture';
import * as io from './incident-io/incident-io-test-setup';
import { CONFIGURED, createTestClient, NOW, SETTINGS, seedWaymarkServices, TOKEN } from './pagerduty/pagerduty-test-setup';

let fake: FakePagerduty | FakeIncidentIo | undefined;
let repo: GitFixture | undefined;
afterEach(async () => {
  await fake?.close();
  repo?.cleanup();
  fake = undefined;
  repo = undefined;
});

const defaultConfig = () => loadConfig({ env: {}, cwd: tmpdir() }).config;

/**
 * Issue 14, item 2, for one source: after an ingest, `renormalize` leaves every row as it is (idempotent, all
 * unchanged); rows as an older normalizer wrote them (`corrupt`: one row changed, one removed) are rewritten, exactly
 * those, and the domain tables equal the fresh ingest again.
 */
const expectRenormalizeRestores = async (db: Db, source: string, corrupt: () => Promise<void>, config = defaultConfig()) => {
  const renormalize = () => RENORMALIZERS[source]!.run(db, config);
  const ingested = await snapshotTables(db);
  const idle = await renormalize();
  expect(idle, `${source}: nothing to change`).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
  expect(idle.unchanged, `${source}: rows seen`).toBeGreaterThan(1);
  await corrupt();
  const fixed = await renormalize();
  expect(fixed, `${source}: exactly the affected rows`).toMatchObject({ inserted: 1, updated: 1, unchanged: idle.unchanged - 2, removed: 0 });
  expect(await snapshotTables(db)).toEqual(ingested);
  expect(await renormalize()).toEqual(idle);
  return idle;
};

/** One incident's title as an older normalizer wrote it, and one incident it did not write. */
const corruptTwoIncidents = (db: Db) => async () => {
  const [first, second] = await db.select({ id: incidents.id }).from(incidents).orderBy(incidents.id).limit(2);
  await db.update(incidents).set({ title: null }).where(eq(incidents.id, first!.id));
  await db.delete(incidents).where(eq(incidents.id, second!.id));
};

/** One deployment's environment as an older normalizer wrote it, and one link it did not make. */
const corruptDeploymentAndLink = (db: Db, source: string) => async () => {
  const [deployment] = await db.select({ id: deployments.id }).from(deployments).where(eq(deployments.source, source)).orderBy(deployments.id).limit(1);
  await db.update(deployments).set({ environment: 'Production' }).where(eq(deployments.id, deployment!.id));
  const [link] = await db.select().from(deploymentChanges).orderBy(deploymentChanges.changeId).limit(1);
  await db.delete(deploymentChanges).where(eq(deploymentChanges.changeId, link!.changeId));
};

describeEachBackend('renormalize (events, git, PagerDuty, incident.io, CDEvents, OTel)', ({ db, handle }) => {
  it('events: rewrites exactly the rows an older normalizer got wrong, in every namespace', async () => {
    const records = [
      { kind: 'service', name: 'payments', team: 'core' },
      { kind: 'deployment', id: 'd1', service: 'payments', environment: 'production', status: 'success', finishedAt: '2026-01-05T10:07:00Z',
        changes: [{ sha: 'abc1234', committedAt: '2026-01-04T09:00:00Z' }] },
      { kind: 'deployment', id: 'd2', service: 'payments', environment: 'production', status: 'failure', finishedAt: '2026-01-06T10:00:00Z' },
      { kind: 'incident', id: 'INC-1', service: 'payments', openedAt: '2026-01-06T11:00:00Z', resolvedAt: '2026-01-06T12:00:00Z' },
      { kind: 'pipeline_run', id: 'p1', service: 'payments', name: 'ci', status: 'success', startedAt: '2026-01-05T09:00:00Z', finishedAt: '2026-01-05T09:10:00Z' },
    ];
    await importEvents({ db: db(), input: asLines(records) });
    await importEvents({ db: db(), input: asLines(records.slice(1)), source: 'jenkins' });
    await expectRenormalizeRestores(db(), 'events', async () => {
      await db().update(incidents).set({ title: 'as an older normalizer wrote it' }).where(eq(incidents.id, 'jenkins:incident:INC-1'));
      await db().delete(pipelineRuns).where(eq(pipelineRuns.id, 'events:pipeline_run:p1'));
    });
  });

  it('git: rewrites deployments and links from the stored tag and commit payloads, without the repository', async () => {
    repo = createGitFixture('payments');
    repo.commit('first', { authored: '2026-02-01T10:00:00Z' });
    repo.tag('v1.0.0');
    repo.commit('second', { authored: '2026-02-02T10:00:00Z' });
    repo.commit('third', { authored: '2026-02-03T10:00:00Z' });
    repo.tag('v1.1.0');
    await ingestGitRepository({ db: db(), path: repo.dir, horizonDays: 30, now: new Date('2026-02-10T00:00:00Z') });
    repo.cleanup();
    await expectRenormalizeRestores(db(), 'git', corruptDeploymentAndLink(db(), 'git'));
  });

  it('PagerDuty: re-derives incidents from the stored incidents and log entries', async () => {
    fake = await startFakePagerduty(buildPagerdutyWorld(NOW), { token: TOKEN });
    await seedWaymarkServices(db());
    await syncPagerduty({ db: db(), client: createTestClient(fake), settings: SETTINGS, now: NOW });
    const requests = fake.requests.length;
    const config = defaultConfig();
    config.pagerduty.services = CONFIGURED;
    await expectRenormalizeRestores(db(), 'pagerduty', corruptTwoIncidents(db()), config);
    expect(fake.requests.length).toBe(requests);
  });

  it('incident.io: re-derives incidents from the stored incidents with the configured mapping', async () => {
    const ioFake = await startFakeIncidentIo(buildIncidentIoWorld(io.NOW), { token: io.KEY });
    fake = ioFake;
    await io.seedWaymarkServices(db());
    await syncIncidentIo({ db: db(), client: io.createTestClient(ioFake), settings: io.SETTINGS, now: io.NOW, pageSize: 25 });
    const requests = ioFake.requests.length;
    const config = defaultConfig();
    config.incidentIo = { ...config.incidentIo, ...io.SETTINGS };
    const idle = await expectRenormalizeRestores(db(), 'incident-io', corruptTwoIncidents(db()), config);
    // Every stored incident is read again, the test, declined and unmapped ones too.
    expect(idle.scopes).toBe(62);
    expect(ioFake.requests.length).toBe(requests);
  });

  it('CDEvents: rewrites deployments, runs, incidents and changes from the stored events', async () => {
    for (const name of MAPPED_EXAMPLES) {
      await ingestCdevents({ db: db(), events: readCdeventsText(exampleText(name), `${name}.json`), services: {}, scope: name });
    }
    await expectRenormalizeRestores(db(), 'cdevents', async () => {
      const [deployment] = await db().select({ id: deployments.id }).from(deployments).orderBy(deployments.id).limit(1);
      await db().update(deployments).set({ environment: 'Production' }).where(eq(deployments.id, deployment!.id));
      const [run] = await db().select({ id: pipelineRuns.id }).from(pipelineRuns).limit(1);
      await db().delete(pipelineRuns).where(eq(pipelineRuns.id, run!.id));
    });
  });

  it('OTel: rewrites the deployments and pipeline runs of the stored exports', async () => {
    const { token } = await createApiToken(db(), 'ci-otel');
    const attribute = (key: string, value: string) => ({ key, value: { stringValue: value } });
    const span = (spanId: string, name: string, attributes: ReturnType<typeof attribute>[]) => ({
      traceId: 'ab'.repeat(16),
      spanId,
      name,
      startTimeUnixNano: '1793527200000000000',
      endTimeUnixNano: '1793527500000000000',
      attributes,
    });
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [attribute('service.name', 'ci-runner'), attribute('vcs.repository.name', 'payments')] },
          scopeSpans: [
            {
              spans: [
                span('1111111111111111', 'release', [attribute('cicd.pipeline.name', 'release'), attribute('cicd.pipeline.run.id', '7')]),
                span('2222222222222222', 'deploy', [attribute('cicd.pipeline.task.type', 'deploy'), attribute('deployment.environment.name', 'production'), attribute('deployment.id', 'dep-7')]),
                span('3333333333333333', 'deploy', [attribute('cicd.pipeline.task.type', 'deploy'), attribute('deployment.environment.name', 'staging'), attribute('deployment.id', 'dep-8')]),
              ],
            },
          ],
        },
      ],
    };
    setDbHandle(handle());
    const response = await postWebhook(
      'otel',
      new Request('http://localhost/api/webhooks/otel', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }),
    );
    expect(response.status).toBeLessThan(300);
    for (const deliveryId of await listPendingDeliveries(db(), 'otel')) await processOtelDelivery(db(), deliveryId);
    await expectRenormalizeRestores(db(), 'otel', async () => {
      await db().update(deployments).set({ environment: 'Production' }).where(eq(deployments.id, 'otel:deployment:dep-7'));
      await db().delete(deployments).where(eq(deployments.id, 'otel:deployment:dep-8'));
    });
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { SpanStatusCode } from '@opentelemetry/api';
import { afterEach, expect, it } from 'vitest';
import { processOtelDelivery } from '../../../ingest/sources/otel/process-otel-delivery';
import { createApiToken } from '../../../lib/auth/create-api-token';
import { setDbHandle } from '../../../lib/db/client';
import { deployments, pipelineRuns, rejectedRequests } from '../../../lib/db/schema';
import { getDoraMetrics } from '../../../lib/metrics/get-dora-metrics';
import { listPendingDeliveries } from '../../../lib/webhooks/list-pending-deliveries';
import { postWebhook } from '../../helpers/post-webhook';
import { countRows } from '../../helpers/table-snapshot';
import { describeEachBackend, type TestDb } from '../../helpers/test-db';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
});

/** The route handler behind a real HTTP port, as `next start` serves it, so a real exporter can post to it. */
const serve = async (handle: TestDb) => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      setDbHandle(handle);
      const headers = new Headers(
        Object.entries(request.headers).flatMap(([key, value]) =>
          typeof value === 'string' ? [[key, value] as [string, string]] : [],
        ),
      );
      void postWebhook(
        String(request.url).split('/').at(-1)!,
        new Request(`http://localhost${request.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) }),
      ).then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(await answer.text());
      });
    });
  });
  await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api/webhooks/otel`;
};

const SHA = 'a3c1f4e2b5d6978812345678901234567890abcd';

describeEachBackend('OpenTelemetry CI/CD spans', ({ db, handle }) => {
  it('an SDK exporting a pipeline run with a deploy task creates the pipeline run and the deployment', async () => {
    const { token } = await createApiToken(db(), 'ci-otel');
    const url = await serve(handle());
    const provider = new TracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'ci-runner', 'vcs.repository.name': 'payments' }),
      spanProcessors: [
        new SimpleSpanProcessor({
          exporter: new OTLPTraceExporter({ url, headers: { authorization: `Bearer ${token}` } }),
        }),
      ],
    });
    const tracer = provider.getTracer('waymark-test');
    const started = new Date('2026-11-02T10:00:00Z');
    const common = {
      'cicd.pipeline.name': 'release',
      'cicd.pipeline.run.id': '4711',
      'vcs.ref.head.revision': SHA,
      'vcs.ref.head.name': 'main',
    };
    const root = tracer.startSpan('release', {
      startTime: started,
      attributes: { ...common, 'cicd.pipeline.result': 'success' },
    });
    const build = tracer.startSpan('build', {
      startTime: started,
      attributes: { ...common, 'cicd.pipeline.task.name': 'build', 'cicd.pipeline.task.type': 'build' },
    });
    build.end(new Date(started.getTime() + 120_000));
    const deploy = tracer.startSpan('deploy', {
      startTime: new Date(started.getTime() + 120_000),
      attributes: {
        ...common,
        'cicd.pipeline.task.name': 'deploy-prod',
        'cicd.pipeline.task.type': 'deploy',
        'deployment.environment.name': 'production',
        'deployment.id': 'dep-4711',
      },
    });
    deploy.end(new Date(started.getTime() + 300_000));
    const staging = tracer.startSpan('deploy staging', {
      startTime: started,
      attributes: { 'deployment.environment.name': 'staging', 'deployment.status': 'failed' },
    });
    staging.setStatus({ code: SpanStatusCode.ERROR });
    staging.end(new Date(started.getTime() + 60_000));
    root.end(new Date(started.getTime() + 310_000));
    await provider.forceFlush();
    await provider.shutdown();

    for (const deliveryId of await listPendingDeliveries(db(), 'otel')) await processOtelDelivery(db(), deliveryId);
    expect(
      await db()
        .select({
          id: deployments.id,
          service: deployments.service,
          environment: deployments.environment,
          status: deployments.status,
          commitSha: deployments.commitSha,
          finishedAt: deployments.finishedAt,
        })
        .from(deployments)
        .orderBy(deployments.environment),
    ).toEqual([
      {
        id: 'otel:deployment:dep-4711',
        service: 'payments',
        environment: 'production',
        status: 'success',
        commitSha: SHA,
        finishedAt: new Date(started.getTime() + 300_000),
      },
      {
        id: expect.stringMatching(/^otel:deployment:[0-9a-f]{32}\/[0-9a-f]{16}$/),
        service: 'payments',
        environment: 'staging',
        status: 'failure',
        commitSha: null,
        finishedAt: new Date(started.getTime() + 60_000),
      },
    ]);
    expect(
      await db()
        .select({
          id: pipelineRuns.id,
          name: pipelineRuns.name,
          status: pipelineRuns.status,
          branch: pipelineRuns.branch,
          commitSha: pipelineRuns.commitSha,
        })
        .from(pipelineRuns),
    ).toEqual([
      { id: 'otel:pipeline_run:release#4711', name: 'release', status: 'success', branch: 'main', commitSha: SHA },
    ]);
    const metrics = await getDoraMetrics({
      db: db(),
      scope: { service: 'payments' },
      window: { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z') },
    });
    expect(metrics.changeFailureRate.deployments).toBe(1);
  });

  it('refuses exports without a token or its events:write scope, and bodies that are not OTLP traces with the field named', async () => {
    const { token } = await createApiToken(db(), 'ci-otel');
    const post = async (body: unknown, bearer: string | null) => {
      setDbHandle(handle());
      const response = await postWebhook(
        'otel',
        new Request('http://localhost/api/webhooks/otel', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
          body: JSON.stringify(body),
        }),
      );
      return { status: response.status, body: (await response.json()) as { error?: string } };
    };
    const span = {
      traceId: '0'.repeat(32),
      spanId: '1'.repeat(16),
      name: 'x',
      startTimeUnixNano: '1',
      endTimeUnixNano: '2',
    };
    expect((await post({ resourceSpans: [] }, null)).status).toBe(401);
    const { token: reader } = await createApiToken(db(), 'dashboard-reader', { scopes: ['read'] });
    expect(await post({ resourceSpans: [] }, reader)).toMatchObject({ status: 403, body: { error: 'This token lacks the events:write scope' } });
    const bad = await post({ resourceSpans: [{ scopeSpans: [{ spans: [{ ...span, spanId: 'xyz' }] }] }] }, token);
    expect(bad).toMatchObject({
      status: 400,
      body: { error: 'not OTLP JSON traces: resourceSpans[0].scopeSpans[0].spans[0].spanId: must be 16 hex digits' },
    });
    expect(await countRows(db(), 'webhook_deliveries')).toBe(0);
    expect((await db().select().from(rejectedRequests)).map((row) => row.reason).sort()).toEqual([
      'bad-token',
      'invalid-traces',
      'token-scope',
    ]);
  });
});

import { expect, it } from 'vitest';
import { ingestRuns, rawPayloads, rejectedRequests, webhookDeliveries } from '../../lib/db/schema';
import { getWebhookSummary } from '../../lib/runs/get-webhook-summary';
import { listIngestRuns } from '../../lib/runs/list-ingest-runs';
import { listPayloadErrors } from '../../lib/runs/list-payload-errors';
import { listSourceFreshness } from '../../lib/runs/list-source-freshness';
import { describeEachBackend } from '../helpers/test-db';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-11-21T12:00:00Z');

const runs = [
  { id: 'g1', job: 'github-sync', source: 'github', status: 'success', startedAt: at('2026-11-20T08:00:00Z'), finishedAt: at('2026-11-20T08:05:00Z'), requestsUsed: 120, rateLimitRemaining: 4800 },
  { id: 'g1-a', parentId: 'g1', job: 'github-sync-repo', source: 'github', scope: 'acme/a', status: 'success', startedAt: at('2026-11-20T08:00:01Z'), finishedAt: at('2026-11-20T08:02:00Z') },
  { id: 'g1-b', parentId: 'g1', job: 'github-sync-repo', source: 'github', scope: 'acme/b', status: 'success', startedAt: at('2026-11-20T08:02:01Z'), finishedAt: at('2026-11-20T08:05:00Z') },
  { id: 'g2', job: 'github-sync', source: 'github', status: 'failed', startedAt: at('2026-11-21T08:00:00Z'), finishedAt: at('2026-11-21T08:00:03Z'), error: 'Bad credentials', requestsUsed: 1, rateLimitRemaining: 4999 },
  { id: 'e1', job: 'import-events', source: 'events', status: 'success', startedAt: at('2026-11-19T10:00:00Z'), finishedAt: at('2026-11-19T10:00:02Z'), counts: { records: 40 } },
];

describeEachBackend('ingest status reads', ({ db }) => {
  it('reads an install that never ingested as empty', async () => {
    expect(await listSourceFreshness({ db: db() })).toEqual([]);
    expect(await listIngestRuns({ db: db() })).toEqual([]);
    expect(await listPayloadErrors({ db: db() })).toEqual({ total: 0, latest: [] });
    expect(await getWebhookSummary({ db: db(), now: NOW })).toEqual({ deliveries: [], rejected: [], recentFailures: [] });
  });

  it('gives each source its latest run and its last success', async () => {
    await db().insert(ingestRuns).values(runs);
    const freshness = await listSourceFreshness({ db: db() });
    expect(freshness).toEqual([
      {
        source: 'events',
        lastRunAt: at('2026-11-19T10:00:00Z'),
        lastStatus: 'success',
        lastSuccessAt: at('2026-11-19T10:00:02Z'),
        lastError: null,
        requestsUsed: null,
        rateLimitRemaining: null,
        runs: 1,
        failedRuns: 0,
      },
      {
        source: 'github',
        lastRunAt: at('2026-11-21T08:00:00Z'),
        lastStatus: 'failed',
        lastSuccessAt: at('2026-11-20T08:05:00Z'),
        lastError: 'Bad credentials',
        requestsUsed: 1,
        rateLimitRemaining: 4999,
        runs: 2,
        failedRuns: 1,
      },
    ]);
  });

  it('lists top-level runs newest first with their child counts', async () => {
    await db().insert(ingestRuns).values(runs);
    const listed = await listIngestRuns({ db: db() });
    expect(listed.map((run) => [run.id, run.children])).toEqual([
      ['g2', 0],
      ['g1', 2],
      ['e1', 0],
    ]);
    expect(listed[2]).toMatchObject({ counts: { records: 40 }, startedAt: at('2026-11-19T10:00:00Z'), finishedAt: at('2026-11-19T10:00:02Z') });
    expect(await listIngestRuns({ db: db(), limit: 1 })).toHaveLength(1);
  });

  it('counts payloads that could not be interpreted', async () => {
    await db()
      .insert(rawPayloads)
      .values([
        { source: 'github', kind: 'deployment', sourceId: '1', payload: {}, fetchedAt: at('2026-11-20T00:00:00Z'), error: 'no environment' },
        { source: 'github', kind: 'deployment', sourceId: '2', payload: {}, fetchedAt: at('2026-11-21T00:00:00Z'), error: 'no sha' },
        { source: 'github', kind: 'deployment', sourceId: '3', payload: {}, fetchedAt: at('2026-11-21T00:00:00Z') },
      ]);
    const errors = await listPayloadErrors({ db: db(), limit: 1 });
    expect(errors).toEqual({ total: 2, latest: [{ source: 'github', kind: 'deployment', sourceId: '2', error: 'no sha', fetchedAt: at('2026-11-21T00:00:00Z') }] });
  });

  it('summarizes the last week of webhook deliveries and rejected requests', async () => {
    await db()
      .insert(webhookDeliveries)
      .values([
        { deliveryId: 'a', source: 'github', event: 'push', status: 'processed', receivedAt: at('2026-11-21T10:00:00Z') },
        { deliveryId: 'b', source: 'github', event: 'push', status: 'processed', receivedAt: at('2026-11-20T10:00:00Z') },
        { deliveryId: 'c', source: 'github', event: 'deployment_status', status: 'failed', reason: 'unknown repository', receivedAt: at('2026-11-21T11:00:00Z') },
        { deliveryId: 'old', source: 'github', event: 'push', status: 'failed', receivedAt: at('2026-11-01T10:00:00Z') },
      ]);
    await db()
      .insert(rejectedRequests)
      .values([
        { endpoint: '/api/webhooks/github', reason: 'bad signature', day: '2026-11-20', count: 3, lastAt: at('2026-11-20T09:00:00Z') },
        { endpoint: '/api/webhooks/github', reason: 'bad signature', day: '2026-11-21', count: 2, lastAt: at('2026-11-21T09:00:00Z') },
        { endpoint: '/api/events', reason: 'too large', day: '2026-10-01', count: 9, lastAt: at('2026-10-01T09:00:00Z') },
      ]);
    expect(await getWebhookSummary({ db: db(), now: NOW })).toEqual({
      deliveries: [
        { status: 'failed', count: 1, lastAt: at('2026-11-21T11:00:00Z') },
        { status: 'processed', count: 2, lastAt: at('2026-11-21T10:00:00Z') },
      ],
      rejected: [{ endpoint: '/api/webhooks/github', reason: 'bad signature', count: 5, lastAt: at('2026-11-21T09:00:00Z') }],
      recentFailures: [{ deliveryId: 'c', event: 'deployment_status', reason: 'unknown repository', receivedAt: at('2026-11-21T11:00:00Z') }],
    });
  });
});

import { expect, it } from 'vitest';
import { deployments, incidents, ingestRuns } from '../../lib/db/schema';
import { listSourceFreshness } from '../../lib/runs/list-source-freshness';
import { describeEachBackend } from '../helpers/test-db';

const at = (iso: string) => new Date(iso);

const runs = [
  { id: 'g1', job: 'github-sync', source: 'github', status: 'success', startedAt: at('2026-11-20T08:00:00Z'), finishedAt: at('2026-11-20T08:05:00Z'), requestsUsed: 120, rateLimitRemaining: 4800 },
  { id: 'g1-a', parentId: 'g1', job: 'github-sync-repo', source: 'github', scope: 'acme/a', status: 'success', startedAt: at('2026-11-20T08:00:01Z'), finishedAt: at('2026-11-20T08:02:00Z') },
  { id: 'g1-b', parentId: 'g1', job: 'github-sync-repo', source: 'github', scope: 'acme/b', status: 'success', startedAt: at('2026-11-20T08:02:01Z'), finishedAt: at('2026-11-20T08:05:00Z') },
  { id: 'g2', job: 'github-sync', source: 'github', status: 'failed', startedAt: at('2026-11-21T08:00:00Z'), finishedAt: at('2026-11-21T08:00:03Z'), error: 'Bad credentials', requestsUsed: 1, rateLimitRemaining: 4999 },
  { id: 'e1', job: 'import-events', source: 'events', status: 'success', startedAt: at('2026-11-19T10:00:00Z'), finishedAt: at('2026-11-19T10:00:02Z'), counts: { records: 40 } },
];

describeEachBackend('source freshness', ({ db }) => {
  it('is empty for an install that never ingested', async () => {
    expect(await listSourceFreshness({ db: db() })).toEqual([]);
  });

  it('gives each source its latest run and its last success', async () => {
    await db().insert(ingestRuns).values(runs);
    // The events import of 19 Nov stored nothing newer than June 2025: the run is fresh, its data is not.
    const provenance = { source: 'events', sourceId: 'x', service: 'payments' };
    await db().insert(deployments).values([
      { ...provenance, id: 'd1', environment: 'production', status: 'success', finishedAt: at('2025-05-01T00:00:00Z') },
      { ...provenance, id: 'd2', sourceId: 'y', environment: 'production', status: 'success', finishedAt: at('2025-03-01T00:00:00Z') },
    ]);
    await db().insert(incidents).values([{ ...provenance, id: 'i1', openedAt: at('2025-06-01T12:00:00Z') }]);
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
        newestEventAt: at('2025-06-01T12:00:00Z'),
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
        newestEventAt: null,
      },
    ]);
  });
});

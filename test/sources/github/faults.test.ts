import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { syncGithub } from '../../../ingest/sources/github/sync-github';
import { ingestRuns } from '../../../lib/db/schema';
import type { Db } from '../../../lib/db/client';
import { buildFakeOrg } from '../../fakes/github/build-fake-org';
import { startFakeGithub, type Fault, type FakeGithub } from '../../fakes/github/fake-github-server';
import { snapshotTables } from '../../helpers/table-snapshot';
import { createTestDb, describeEachBackend } from '../../helpers/test-db';
import { FIXED_NOW, TEST_SETTINGS, testClientOptions } from './github-test-setup';

let fake: FakeGithub;
beforeEach(async () => {
  fake = await startFakeGithub(buildFakeOrg({ repos: 4, seed: 3 }));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fake.close();
});

const sync = (db: Db, extra: Partial<Parameters<typeof syncGithub>[0]> = {}) =>
  syncGithub({ db, client: testClientOptions(fake), settings: TEST_SETTINGS, org: 'acme', now: FIXED_NOW, concurrency: 2, ...extra });

describeEachBackend('GitHub faults', ({ db, backend }) => {
  /** The rows an undisturbed sync of the same organization leaves, from a database of its own. */
  const baseline = async () => {
    const clean = await createTestDb(backend);
    try {
      await sync(clean.db);
      return await snapshotTables(clean.db);
    } finally {
      await clean.close();
    }
  };

  const faults: [string, Fault, RegExp | null][] = [
    ['a primary rate limit (403, remaining 0): waits until x-ratelimit-reset', { kind: 'primary-rate-limit', match: /\/pulls$/, times: 2 }, /primary rate limit: waiting [12]s/],
    ['a primary rate limit answered 429', { kind: 'too-many-requests', match: /\/deployments$/, times: 1 }, null],
    ['a secondary rate limit: waits retry-after', { kind: 'secondary-rate-limit', match: /\/actions\/runs$/, times: 2 }, /secondary rate limit: waiting 1s/],
    ['502 answers: retried with back-off', { kind: 'server-error', match: /\/compare\//, times: 3 }, null],
    ['dropped connections: retried', { kind: 'drop-connection', match: /\/git\/trees\//, times: 2 }, null],
  ];
  for (const [title, fault, logged] of faults) {
    it(`survives ${title}, losing and duplicating nothing`, async () => {
      const expected = await baseline();
      const lines: string[] = [];
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
      fake.faults.push({ ...fault });
      const outcome = await sync(db());
      expect(outcome.repositories.map((repo) => repo.status)).toEqual(['success', 'success', 'success', 'success']);
      expect(fake.faults).toEqual([]);
      if (logged) expect(lines.join('')).toMatch(logged);
      expect(await snapshotTables(db())).toEqual(expected);
    });
  }

  it('records a repository that keeps failing and goes on with the others; the next run fills it in', async () => {
    const expected = await baseline();
    fake.faults.push({ kind: 'server-error', match: /^\/repos\/acme\/svc-01\//, times: 1000 });
    const first = await sync(db());
    expect(first.repositories.find((repo) => repo.fullName === 'acme/svc-01')).toMatchObject({ status: 'failed', error: expect.stringContaining('502') });
    expect(first.repositories.filter((repo) => repo.status === 'success')).toHaveLength(3);
    const [parent] = await db().select().from(ingestRuns).where(eq(ingestRuns.id, first.runId));
    expect(parent).toMatchObject({ status: 'partial', error: expect.stringContaining('acme/svc-01') });
    fake.faults.length = 0;
    await sync(db());
    expect(await snapshotTables(db())).toEqual(expected);
  });

  it('skips a repository that answers 404 and records why', async () => {
    const outcome = await sync(db(), { org: null, repos: ['acme/svc-00', 'acme/nope'] });
    expect(outcome.repositories.map((repo) => [repo.fullName, repo.status])).toEqual([
      ['acme/nope', 'failed'],
      ['acme/svc-00', 'success'],
    ]);
    const runs = await db().select().from(ingestRuns).where(eq(ingestRuns.scope, 'acme/nope'));
    expect(runs[0]!.error).toMatch(/404/);
  });

  it('a run killed at any point and started again ends with the same rows as an uninterrupted one', async () => {
    const expected = await baseline();
    const total = fake.requests.length;
    // Kill points spread over the whole run: early, between steps, in the middle of linking and facts. Each restart
    // has less left to do, so a late point may not be reached; most are.
    let killed = 0;
    for (const killAt of [3, Math.floor(total / 4), Math.floor(total / 3), Math.floor(total / 2)]) {
      const controller = new AbortController();
      let sent = 0;
      const killing: typeof fetch = (input, init) => {
        if (++sent === killAt) controller.abort(new Error('killed'));
        return fetch(input, init);
      };
      const run = syncGithub({ db: db(), client: testClientOptions(fake, { fetch: killing, signal: controller.signal }), settings: TEST_SETTINGS, org: 'acme', now: FIXED_NOW, concurrency: 2, signal: controller.signal });
      killed += await run.then(
        () => 0,
        () => 1,
      );
    }
    expect(killed).toBeGreaterThanOrEqual(3);
    await sync(db());
    expect(await snapshotTables(db())).toEqual(expected);
  }, 300_000);
});

import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Db } from '../../lib/db/client';
import { queryRows } from '../../lib/db/query-rows';
import { refreshMetricsRollup } from '../../lib/metrics/refresh-metrics-rollup';
import { describeEachBackend } from '../helpers/test-db';

const PATTERN = '^(prod|production)$';

const rollupRows = async (db: Db) =>
  queryRows<{ service: string; sha: string; deployment: string; authored: string; prs: string[] | null }>(
    db,
    sql`select service, sha, deployment_id as deployment, authored_at::text as authored, pull_request_ids as prs
        from metrics_first_shipments order by service, sha`,
  );

/**
 * What the triggers keep must equal a rebuild from scratch, after every kind of write to every table they watch:
 * every column, so a first shipment's commit time and pull requests are checked too. Answers `service@sha→deployment`.
 */
const expectMaintained = async (db: Db) => {
  const maintained = await rollupRows(db);
  await refreshMetricsRollup({ db, pattern: PATTERN, force: true });
  expect(maintained).toEqual(await rollupRows(db));
  return maintained.map((row) => `${row.service}@${row.sha}→${row.deployment}`);
};

describeEachBackend('the lead-time rollup under every write', ({ db }) => {
  it('follows inserts, updates and deletes of deployments, commits and their links', async () => {
    await refreshMetricsRollup({ db: db(), pattern: PATTERN });
    const deploy = (id: string, status: string, finished: string) =>
      db().execute(sql`insert into deployments (id, source, source_id, service, environment, status, finished_at)
        values (${id}, 'test', ${id}, 'api', 'production', ${status}, ${finished}::timestamptz)`);
    await db().execute(sql`insert into changes (id, source, source_id, service, sha, authored_at) values
      ('c1', 'test', 'c1', 'api', 'aaa', '2026-01-01T00:00Z'),
      ('c2', 'test', 'c2', 'api', 'bbb', '2026-01-01T01:00Z')`);
    await deploy('d1', 'success', '2026-01-02T00:00Z');
    await deploy('d2', 'success', '2026-01-03T00:00Z');
    await db().execute(sql`insert into deployment_changes values ('d1', 'c1'), ('d2', 'c1'), ('d2', 'c2')`);
    expect(await expectMaintained(db())).toEqual(['api@aaa→d1', 'api@bbb→d2']);

    // The first shipment fails after all: the next one ships the commit.
    await db().execute(sql`update deployments set status = 'failure' where id = 'd1'`);
    expect(await expectMaintained(db())).toEqual(['api@aaa→d2', 'api@bbb→d2']);

    await db().execute(sql`delete from deployment_changes where deployment_id = 'd2' and change_id = 'c2'`);
    expect(await expectMaintained(db())).toEqual(['api@aaa→d2']);

    // A commit's sha corrected by its source: the old key loses its shipment, the new one gains it.
    await db().execute(sql`update changes set sha = 'ccc' where id = 'c1'`);
    expect(await expectMaintained(db())).toEqual(['api@ccc→d2']);

    await db().execute(sql`update deployments set status = 'success' where id = 'd1'`);
    await db().execute(sql`delete from deployments where id = 'd1'`);
    expect(await expectMaintained(db())).toEqual(['api@ccc→d2']);

    await db().execute(sql`delete from changes where id = 'c1'`);
    expect(await expectMaintained(db())).toEqual([]);
  });

  it('judges links added in bulk against the first shipment already kept', async () => {
    await refreshMetricsRollup({ db: db(), pattern: PATTERN });
    await db().execute(sql`insert into deployments (id, source, source_id, service, environment, status, finished_at)
      values ('d1', 'test', 'd1', 'api', 'production', 'success', '2026-01-02T00:00Z'),
             ('d2', 'test', 'd2', 'api', 'production', 'success', '2026-01-03T00:00Z'),
             ('d3', 'test', 'd3', 'api', 'production', 'success', '2026-01-04T00:00Z'),
             ('s1', 'test', 's1', 'api', 'staging', 'success', '2026-01-01T00:00Z'),
             ('w1', 'test', 'w1', 'web', 'production', 'success', '2026-01-01T00:00Z'),
             ('t1', 'test', 't1', 'api', 'production', 'success', '2026-01-03T00:00Z'),
             ('t2', 'test', 't2', 'api', 'production', 'success', '2026-01-03T00:00Z')`);
    await db().execute(sql`insert into changes (id, source, source_id, service, sha, authored_at, pull_request_id)
      values ('c1', 'test', 'c1', 'api', 'aaa', '2026-01-01T00:00Z', 'pr-1'),
      ('c2', 'test', 'c2', 'api', 'bbb', '2026-01-01T01:00Z', null),
      ('c3', 'test', 'c3', 'api', 'ccc', '2026-01-01T02:00Z', null),
      ('g1', 'git', 'g1', 'api', 'aaa', '2025-12-31T00:00Z', 'pr-2')`);
    // In one statement the earliest counted deployment wins; staging and another service's deployment do not count.
    await db().execute(sql`insert into deployment_changes values ('d2', 'c1'), ('d3', 'c1'), ('s1', 'c2'),
      ('w1', 'c2'), ('d3', 'c2'), ('t2', 'c3')`);
    expect(await expectMaintained(db())).toEqual(['api@aaa→d2', 'api@bbb→d3', 'api@ccc→t2']);

    // Later than the kept shipment: nothing moves. Earlier: it takes over. The same finish and a smaller id: it too.
    await db().execute(sql`insert into deployment_changes values ('d3', 'c3'), ('d1', 'c2'), ('t1', 'c3')`);
    expect(await expectMaintained(db())).toEqual(['api@aaa→d2', 'api@bbb→d1', 'api@ccc→t1']);

    // Another source's row of the same commit, linked to the same first deployment: its commit time and pull
    // request join those already kept.
    await db().execute(sql`insert into deployment_changes values ('d2', 'g1')`);
    const [aaa] = await rollupRows(db());
    expect(aaa).toMatchObject({ deployment: 'd2', prs: ['pr-1', 'pr-2'] });
    expect(new Date(aaa!.authored).toISOString()).toBe('2025-12-31T00:00:00.000Z');
    await expectMaintained(db());
  });
});

import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Db } from '../../lib/db/client';
import { queryRows } from '../../lib/db/query-rows';
import { refreshMetricsRollup } from '../../lib/metrics/refresh-metrics-rollup';
import { describeEachBackend } from '../helpers/test-db';

const PATTERN = '^(prod|production)$';

const rollupRows = async (db: Db) =>
  (
    await queryRows<{ service: string; sha: string; deployment: string }>(
      db,
      sql`select service, sha, deployment_id as deployment from metrics_first_shipments order by service, sha`,
    )
  ).map((row) => `${row.service}@${row.sha}→${row.deployment}`);

/** What the triggers keep must equal a rebuild from scratch, after every kind of write to every table they watch. */
const expectMaintained = async (db: Db) => {
  const maintained = await rollupRows(db);
  await refreshMetricsRollup({ db, pattern: PATTERN, force: true });
  expect(maintained).toEqual(await rollupRows(db));
  return maintained;
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
});

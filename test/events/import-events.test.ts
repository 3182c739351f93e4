import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { deploymentChanges, deployments, incidents, rawPayloads, services, teams } from '../../lib/db/schema';
import { getDataRevision } from '../../lib/db/get-data-revision';
import { isAppError } from '../../lib/errors';
import { importEvents } from '../../ingest/sources/events/import-events';
import { asLines } from '../helpers/event-input';
import { countRows, snapshotTables } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

const service = { kind: 'service', name: 'payments', team: 'core', lifecycle: 'production', tier: 1, repository: 'acme/payments' };
const deployment = {
  kind: 'deployment',
  id: 'payments-d1',
  service: 'payments',
  environment: 'production',
  status: 'success',
  commitSha: SHA_B,
  startedAt: '2026-01-05T10:00:00Z',
  finishedAt: '2026-01-05T10:07:00Z',
  commits: [
    { sha: SHA_A, authoredAt: '2026-01-04T16:00:00Z', committedAt: '2026-01-05T09:30:00Z' },
    { sha: SHA_B, authoredAt: '2026-01-05T08:00:00Z' },
  ],
  reason: 'planned',
};
const incident = { kind: 'incident', id: 'INC-7', service: 'payments', openedAt: '2026-01-05T11:00:00Z', resolvedAt: null, causedBy: 'payments-d1', severity: 'sev2', title: 'Checkout errors' };
const run = { kind: 'pipeline_run', id: 'ci-991', service: 'payments', name: 'ci', status: 'success', startedAt: '2026-01-05T09:00:00Z', finishedAt: '2026-01-05T09:10:00Z', commitSha: SHA_B };

const expectValidationError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
  return (error as { details: string[] }).details;
};

describeEachBackend('importEvents', ({ db }) => {
  it('stores every record kind with deterministic ids and reports them as inserted', async () => {
    const counts = await importEvents({ db: db(), input: asLines([service, deployment, incident, run]) });
    expect(counts).toMatchObject({ records: 4, inserted: 4, updated: 0, unchanged: 0 });

    const [stored] = await db().select().from(deployments);
    expect(stored).toMatchObject({ id: 'events:deployment:payments-d1', source: 'events', sourceId: 'payments-d1', status: 'success', reason: 'planned' });
    expect(stored!.finishedAt!.toISOString()).toBe('2026-01-05T10:07:00.000Z');
    const [storedIncident] = await db().select().from(incidents);
    expect(storedIncident).toMatchObject({ id: 'events:incident:INC-7', causedBy: 'events:deployment:payments-d1', resolvedAt: null });
    const links = await db().select().from(deploymentChanges).orderBy(deploymentChanges.changeId);
    expect(links.map((link) => link.changeId)).toEqual([`events:change:payments@${SHA_A}`, `events:change:payments@${SHA_B}`]);
    expect(await db().select({ name: teams.name }).from(teams)).toEqual([{ name: 'core' }]);
    expect(await countRows(db(), 'raw_payloads')).toBe(4);
  });

  it('leaves the same rows when the same file is imported twice, and says so', async () => {
    await importEvents({ db: db(), input: asLines([service, deployment, incident, run]) });
    const before = await snapshotTables(db());
    const second = await importEvents({ db: db(), input: asLines([service, deployment, incident, run]) });
    expect(second).toMatchObject({ records: 4, inserted: 0, updated: 0, unchanged: 4 });
    expect(await snapshotTables(db())).toEqual(before);
  });

  // Unchanged raw payloads already have their rows: no domain table is written, so cached figures stay valid.
  it('writes no domain table when a file is imported again unchanged (the data revision stays)', async () => {
    await importEvents({ db: db(), input: asLines([service, deployment, incident, run]) });
    const revision = await getDataRevision(db());
    await importEvents({ db: db(), input: asLines([service, deployment, incident, run]) });
    expect(await getDataRevision(db())).toBe(revision);
    const changed = { ...incident, resolvedAt: '2026-01-05T12:00:00Z' };
    const third = await importEvents({ db: db(), input: asLines([service, deployment, changed, run]) });
    expect(third).toMatchObject({ updated: 1, unchanged: 3 });
    expect(await getDataRevision(db())).toBeGreaterThan(revision);
  });

  it('updates a re-sent record in place (an incident gets resolved later)', async () => {
    await importEvents({ db: db(), input: asLines([deployment, incident]) });
    const counts = await importEvents({ db: db(), input: asLines([{ ...incident, resolvedAt: '2026-01-05T13:30:00Z' }]) });
    expect(counts.byKind.incident).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const rows = await db().select().from(incidents);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.resolvedAt!.toISOString()).toBe('2026-01-05T13:30:00.000Z');
  });

  it('does not depend on record order: an incident before its deployment, a service after its deployments', async () => {
    await importEvents({ db: db(), input: asLines([incident, run, deployment, service]) });
    const ordered = await snapshotTables(db());
    for (const table of ['deployment_changes', 'deployments', 'changes', 'incidents', 'pipeline_runs', 'services', 'teams', 'raw_payloads']) {
      await db().execute(sql.raw(`delete from ${table}`));
    }
    await importEvents({ db: db(), input: asLines([service, deployment, incident, run]) });
    expect(await snapshotTables(db())).toEqual(ordered);
    const [payments] = await db().select().from(services).where(eq(services.name, 'payments'));
    expect(payments).toMatchObject({ team: 'core', lifecycle: 'production', tier: '1' });
  });

  it('creates a service the first time a deployment names it', async () => {
    await importEvents({ db: db(), input: asLines([{ ...deployment, service: 'orders', commits: [] }]) });
    const rows = await db().select().from(services);
    expect(rows).toEqual([expect.objectContaining({ name: 'orders', team: null, source: 'events' })]);
  });

  it('keeps fields another record set when a later service record leaves them out', async () => {
    await importEvents({ db: db(), input: asLines([service]) });
    await importEvents({ db: db(), input: asLines([{ kind: 'service', name: 'payments', lifecycle: 'deprecated' }]) });
    const [payments] = await db().select().from(services);
    expect(payments).toMatchObject({ team: 'core', lifecycle: 'deprecated', repository: 'acme/payments' });
  });

  it('replaces the commits a re-sent deployment carries; omitting `commits` leaves them alone', async () => {
    await importEvents({ db: db(), input: asLines([deployment]) });
    const reduced = await importEvents({ db: db(), input: asLines([{ ...deployment, commits: [deployment.commits[1]] }]) });
    expect(reduced.byKind.deployment).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await countRows(db(), 'deployment_changes')).toBe(1);
    const { commits: _omitted, ...withoutCommits } = deployment;
    const linksBefore = await db().select().from(deploymentChanges);
    await importEvents({ db: db(), input: asLines([withoutCommits]) });
    expect(await db().select().from(deploymentChanges)).toEqual(linksBefore);
  });

  it('namespaces ids by source: the same id from two sources is two deployments', async () => {
    await importEvents({ db: db(), input: asLines([deployment]) });
    await importEvents({ db: db(), input: asLines([deployment]), source: 'jenkins' });
    const ids = (await db().select({ id: deployments.id }).from(deployments)).map((row) => row.id).sort();
    expect(ids).toEqual(['events:deployment:payments-d1', 'jenkins:deployment:payments-d1']);
  });

  it('applies a record repeated inside one import once, the last version winning', async () => {
    const counts = await importEvents({ db: db(), input: asLines([incident, { ...incident, severity: 'sev1' }]) });
    expect(counts.records).toBe(2);
    const rows = await db().select().from(incidents);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.severity).toBe('sev1');
  });

  it('stores nothing when any record is invalid, and lists every bad record by line and field', async () => {
    await importEvents({ db: db(), input: asLines([service]) });
    const before = await snapshotTables(db());
    const details = await expectValidationError(
      importEvents({
        db: db(),
        input: [
          { position: 'line 1', value: deployment },
          { position: 'line 2', value: { ...incident, openedAt: 'yesterday' } },
          { position: 'line 3', parseError: 'not valid JSON (Unexpected token)' },
          { position: 'line 4', value: { ...deployment, id: 'd2', status: 'done', finishedAt: undefined } },
          { position: 'line 5', value: { kind: 'release' } },
        ],
      }),
    );
    expect(details).toEqual([
      expect.stringMatching(/^line 2: openedAt: invalid datetime/),
      'line 3: not valid JSON (Unexpected token)',
      expect.stringMatching(/^line 4: status: /),
      'line 5: kind: expected one of service, deployment, incident, pipeline_run, facts',
    ]);
    expect(await snapshotTables(db())).toEqual(before);
  });

  it('rolls back batches already written when a later batch holds a bad record', async () => {
    const many = Array.from({ length: 2500 }, (_, index) => ({ ...run, id: `ci-${index}` }));
    many.push({ ...run, id: 'ci-bad', status: 'green' });
    const details = await expectValidationError(importEvents({ db: db(), input: asLines(many), batchSize: 1000 }));
    expect(details).toEqual([expect.stringMatching(/^line 2501: status: /)]);
    expect(await countRows(db(), 'pipeline_runs')).toBe(0);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
  });

  it('writes batches in file order while the next is stored: a record re-sent batches later wins', async () => {
    const later = { ...deployment, status: 'failure', commits: [{ sha: SHA_A, authoredAt: '2026-01-04T16:00:00Z' }] };
    const resolved = { ...incident, resolvedAt: '2026-01-05T12:00:00Z' };
    const input = asLines([deployment, incident, run, later, resolved]);
    const counts = await importEvents({ db: db(), input, batchSize: 1 });
    expect(counts).toMatchObject({ records: 5, inserted: 3, updated: 2, unchanged: 0 });
    const [stored] = await db().select().from(deployments);
    expect(stored!.status).toBe('failure');
    const links = await db().select().from(deploymentChanges);
    expect(links.map((link) => link.changeId)).toEqual([`events:change:payments@${SHA_A}`]);
    const [storedIncident] = await db().select().from(incidents);
    expect(storedIncident!.resolvedAt!.toISOString()).toBe('2026-01-05T12:00:00.000Z');
    const raw = await db().select().from(rawPayloads).where(eq(rawPayloads.kind, 'deployment'));
    expect(raw.map((row) => (row.payload as { status: string }).status)).toEqual(['failure']);
  });

  it('rolls back every batch when the database refuses a later one, and stays usable', async () => {
    // A refusal only the database makes, after validation passed: batches before it are written or in flight.
    await db().execute(sql`create function refuse_run() returns trigger language plpgsql as $$
      begin if new.source_id = 'ci-1700' then raise exception 'refused by the test'; end if; return new; end $$`);
    await db().execute(
      sql`create trigger refuse_run before insert on pipeline_runs for each row execute function refuse_run()`,
    );
    const many = Array.from({ length: 2500 }, (_, index) => ({ ...run, id: `ci-${index}` }));
    const error = await importEvents({ db: db(), input: asLines(many), batchSize: 100 }).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    // Drizzle wraps what the database said in a "Failed query" error on the embedded database.
    const said = `${error?.message} ${(error?.cause as Error | undefined)?.message}`;
    expect(said).toContain('refused by the test');
    expect(await countRows(db(), 'pipeline_runs')).toBe(0);
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    await db().execute(sql`drop trigger refuse_run on pipeline_runs`);
    const counts = await importEvents({ db: db(), input: asLines(many.slice(0, 300)), batchSize: 100 });
    expect(counts.inserted).toBe(300);
    expect(await countRows(db(), 'pipeline_runs')).toBe(300);
  });

  it('keeps unknown fields in the raw payload', async () => {
    await importEvents({ db: db(), input: asLines([{ ...incident, pagerdutyId: 'P123' }]) });
    const [raw] = await db().select().from(rawPayloads);
    expect(raw).toMatchObject({ source: 'events', kind: 'incident', sourceId: 'INC-7', payload: expect.objectContaining({ pagerdutyId: 'P123' }) });
  });

  it('refuses a source name that could break the id scheme', async () => {
    await expect(importEvents({ db: db(), input: asLines([run]), source: 'Bad:Source' })).rejects.toThrow(/not a valid source name/);
  });
});

import { sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { renormalizeBackstage } from '../../../ingest/sources/backstage/renormalize-backstage';
import type { Db } from '../../../lib/db/client';
import { ingestRuns, rawPayloads, services } from '../../../lib/db/schema';
import { queryRows } from '../../../lib/db/query-rows';
import { listCatalogAnnotation } from '../../../lib/domain/list-catalog-annotation';
import { isAppError } from '../../../lib/errors';
import { getDoraMetrics } from '../../../lib/metrics/get-dora-metrics';
import { importEvents } from '../../../ingest/sources/events/import-events';
import { asLines } from '../../helpers/event-input';
import { buildBackstageWorld, GROUP_TREE } from '../../fakes/backstage/build-backstage-world';
import { startFakeBackstage, type FakeBackstage } from '../../fakes/backstage/fake-backstage-server';
import { describeEachBackend } from '../../helpers/test-db';
import { countRows, snapshotTables } from '../../helpers/table-snapshot';
import { createTestClient, readServiceRows, readTeamRows, runSync, TOKEN } from './backstage-test-setup';

let fake: FakeBackstage | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const start = async () => {
  const world = buildBackstageWorld();
  fake = await startFakeBackstage(world, { token: TOKEN });
  return world;
};

// Every column, ingestion clocks included: equal means not one row was rewritten.
const readWholeRows = async (db: Db) =>
  queryRows<{ row: string }>(
    db,
    sql`select to_jsonb(s)::text as row from services s union all select to_jsonb(t)::text from teams t order by 1`,
  );

const component = (name: string) =>
  fake!.world.entities.find((entity) => entity.kind === 'Component' && entity.metadata.name === name)!;

describeEachBackend('Backstage catalog sync', ({ db }) => {
  it('syncs 50 components, 8 nested groups, users and systems into services, teams and parents', async () => {
    const world = await start();
    const outcome = await runSync(db(), fake!);
    expect(await readServiceRows(db())).toEqual(world.intents);
    // The user-owned component has no team; every other service's team is one of the leaf groups.
    expect(world.intents.filter((intent) => intent.team === null).map((intent) => intent.name)).toEqual(['svc-50']);
    expect(await readTeamRows(db())).toEqual(
      GROUP_TREE.map(({ name, parent, displayName }) => ({ name, parent, displayName, source: 'backstage' })).sort(
        (a, b) => a.name.localeCompare(b.name),
      ),
    );
    expect(outcome.services).toEqual({ inserted: 50, updated: 0, unchanged: 0 });
    expect(outcome.teams).toEqual({ inserted: 8, updated: 0, unchanged: 0 });
    expect(outcome.entities).toEqual({
      group: { fetched: 8, inserted: 8, updated: 0, unchanged: 0 },
      user: { fetched: 5, inserted: 5, updated: 0, unchanged: 0 },
      system: { fetched: 3, inserted: 3, updated: 0, unchanged: 0 },
      component: { fetched: 50, inserted: 50, updated: 0, unchanged: 0 },
    });
    expect(outcome.removed).toEqual({ components: [], groups: [] });

    // Pages of 20 by cursor: the first request filters, the following ones carry only the cursor.
    const componentPages = fake!.requests.filter(
      (request) => request.query.filter === 'kind=component' || request.query.cursor?.length,
    );
    expect(fake!.requests.map((request) => request.query.filter ?? 'cursor')).toEqual([
      'kind=group',
      'kind=user',
      'kind=system',
      'kind=component',
      'cursor',
      'cursor',
    ]);
    const keysOf = (request: { query: Record<string, string> }) => Object.keys(request.query).sort().join();
    expect(componentPages.map(keysOf)).toEqual(['filter,limit', 'cursor,limit', 'cursor,limit']);
    expect(outcome.requests).toBe(6);

    // Users and systems are kept as raw payloads; a user's groups are its payload's scope.
    const users = await queryRows<{ source_id: string; scope: string | null }>(
      db(),
      sql`select source_id, scope from raw_payloads where source = 'backstage' and kind = 'user' order by source_id`,
    );
    expect(users).toEqual([
      { source_id: 'default/alice', scope: 'payments' },
      { source_id: 'default/bob', scope: 'payments,checkout' },
      { source_id: 'default/carol', scope: 'infra' },
      { source_id: 'default/dave', scope: 'devex' },
      { source_id: 'default/erin', scope: 'search,platform' },
    ]);
    const [svc07] = await queryRows<{ catalog: { spec: { system?: string } } }>(
      db(),
      sql`select catalog from services where name = 'svc-03'`,
    );
    expect(svc07!.catalog.spec.system).toBe('shop');
    // Other sources read the kept entity's annotations: PagerDuty's mapping finds the five annotated components.
    const { mapped } = await listCatalogAnnotation(db(), 'pagerduty.com/service-id');
    expect(Object.fromEntries(mapped)).toEqual({
      PSVC001: 'svc-01',
      PSVC002: 'svc-02',
      PSVC003: 'svc-03',
      PSVC004: 'svc-04',
      PSVC005: 'svc-05',
    });
    const [run] = await db().select().from(ingestRuns);
    expect(run).toMatchObject({ source: 'backstage', job: 'backstage.sync', status: 'success', requestsUsed: 6 });
    expect(run!.counts).toMatchObject({ components: 50, groups: 8, users: 5, systems: 3, servicesWritten: 50 });
  });

  it('a re-sync of an unchanged catalog writes no domain row', async () => {
    await start();
    await runSync(db(), fake!);
    const before = await readWholeRows(db());
    const again = await runSync(db(), fake!);
    expect(again.services).toEqual({ inserted: 0, updated: 0, unchanged: 50 });
    expect(again.teams).toEqual({ inserted: 0, updated: 0, unchanged: 8 });
    expect(again.entities.component).toEqual({ fetched: 50, inserted: 0, updated: 0, unchanged: 50 });
    const after = await readWholeRows(db());
    // ingested_at included: not one row was rewritten.
    expect(after).toEqual(before);
    // Each component is its service's catalog fact, for the scorecard; a second sync only marks it checked again.
    const facts = await queryRows<{ n: number; checked: number }>(
      db(),
      sql`select count(*)::int as n, count(distinct checked_at)::int as checked from facts
          where source = 'backstage' and kind = 'catalog' and status = 'ok'`,
    );
    expect(facts[0]).toEqual({ n: 50, checked: 1 });
    expect(await countRows(db(), 'facts')).toBe(50);
  });

  it('a component whose owner changes moves team, and service_owners keeps both owners with dates', async () => {
    await start();
    await runSync(db(), fake!);
    // A deployment of svc-01 an hour ago, while devex owned it.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await importEvents({
      db: db(),
      input: asLines([
        {
          kind: 'deployment',
          id: 'd1',
          service: 'svc-01',
          environment: 'production',
          status: 'success',
          finishedAt: hourAgo,
        },
      ]),
    });
    component('svc-01').spec.owner = 'group:default/search';
    // Another sync in a later transaction: the trigger dates the change with that transaction's time.
    await new Promise((done) => setTimeout(done, 20));
    const between = new Date();
    const second = await runSync(db(), fake!);
    expect(second.services).toEqual({ inserted: 0, updated: 1, unchanged: 49 });
    expect(second.entities.component).toMatchObject({ updated: 1, unchanged: 49 });
    const owners = await queryRows<{ service: string; team: string; since: string }>(
      db(),
      sql`select service, team, since::text from service_owners where service = 'svc-01' order by since`,
    );
    expect(owners.map(({ team, since }) => ({ team, since: since === '-infinity' ? since : 'later' }))).toEqual([
      { team: 'devex', since: '-infinity' },
      { team: 'search', since: 'later' },
    ]);
    const [later] = await queryRows<{ since: string }>(
      db(),
      sql`select since::text from service_owners where service = 'svc-01' and team = 'search'`,
    );
    expect(new Date(later!.since).getTime()).toBeGreaterThanOrEqual(between.getTime());
    expect((await readServiceRows(db())).find((row) => row.name === 'svc-01')!.team).toBe('search');
    // The deployment stays devex's: search's figures start at the move.
    const window = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) };
    const deploymentsOf = async (team: string) =>
      (await getDoraMetrics({ db: db(), scope: { team }, window })).deploymentFrequency.deployments;
    expect([await deploymentsOf('devex'), await deploymentsOf('search')]).toEqual([1, 0]);
  });

  it('a group that moves under another parent, and one renamed, update their teams', async () => {
    await start();
    await runSync(db(), fake!);
    const devex = fake!.world.entities.find((entity) => entity.kind === 'Group' && entity.metadata.name === 'devex')!;
    devex.spec.parent = 'group:default/product';
    devex.spec.profile = { displayName: 'Developer Experience' };
    const second = await runSync(db(), fake!);
    expect(second.teams).toEqual({ inserted: 0, updated: 1, unchanged: 7 });
    expect((await readTeamRows(db())).find((row) => row.name === 'devex')).toMatchObject({
      parent: 'product',
      displayName: 'Developer Experience',
    });
  });

  it('a component that left the catalog is reported, its service kept', async () => {
    await start();
    await runSync(db(), fake!);
    fake!.world.entities = fake!.world.entities.filter((entity) => entity.metadata.name !== 'svc-07');
    const second = await runSync(db(), fake!);
    expect(second.removed).toEqual({ components: ['default/svc-07'], groups: [] });
    expect(second.entities.component.fetched).toBe(49);
    expect((await readServiceRows(db())).some((row) => row.name === 'svc-07')).toBe(true);
  });

  it('a bad entity is named (kind, namespace/name, field) and nothing is stored', async () => {
    await start();
    delete component('svc-12').spec.owner;
    fake!.world.entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'ops', namespace: 'infra' },
      spec: { type: 'team' },
    });
    const error = await runSync(db(), fake!).catch((caught: unknown) => caught);
    expect(isAppError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^The Backstage catalog holds 2 entities Waymark cannot read; nothing/);
    expect((error as { details: string[] }).details).toEqual([
      'Group infra/ops: spec.children: Invalid input: expected array, received undefined',
      'Component default/svc-12: spec.owner: Invalid input: expected string, received undefined',
    ]);
    for (const table of ['raw_payloads', 'services', 'teams', 'service_owners'])
      expect(await countRows(db(), table)).toBe(0);
    const [run] = await db().select().from(ingestRuns);
    expect(run).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('Component default/svc-12: spec.owner'),
    });
  });

  it('two components of one name in two namespaces are refused, as they would be one service', async () => {
    await start();
    const original = component('svc-03');
    fake!.world.entities.push({ ...original, metadata: { ...original.metadata, namespace: 'ops' } });
    const error = await runSync(db(), fake!).catch((caught: unknown) => caught);
    expect((error as { details: string[] }).details).toEqual([
      expect.stringMatching(/^Component (ops|default)\/svc-03: metadata\.name: (default|ops)\/svc-03 has the same/),
    ]);
  });

  it('a repository the catalog does not name stays as a forge wrote it; the catalog replaces the rest', async () => {
    await start();
    await db()
      .insert(services)
      .values({ name: 'svc-01', source: 'github', sourceId: 'acme/one', repository: 'acme/one', tier: 'gold' });
    await runSync(db(), fake!);
    expect((await readServiceRows(db())).find((row) => row.name === 'svc-01')).toMatchObject({
      repository: 'acme/one',
      tier: null,
      team: 'devex',
    });
  });

  it('a wrong token says so without showing it; a 503 is retried with backoff', async () => {
    await start();
    const refused = await runSync(db(), fake!, { token: 'not-the-token' }).catch((caught: unknown) => caught);
    expect((refused as Error).message).toBe(
      'Backstage GET /api/catalog/entities/by-query answered 401: the catalog refused the token; check ' +
        'WAYMARK_BACKSTAGE_TOKEN (--token) and that backend.auth.externalAccess lists it',
    );
    expect(await countRows(db(), 'raw_payloads')).toBe(0);
    const [run] = await db().select().from(ingestRuns);
    expect(run!.error).not.toContain('not-the-token');

    fake!.faults.push({ status: 503, match: /cursor=/, times: 1 }, { status: 429, retryAfterSeconds: 2, times: 1 });
    const sleeps: number[] = [];
    const { syncBackstage } = await import('../../../ingest/sources/backstage/sync-backstage');
    const outcome = await syncBackstage({ db: db(), client: createTestClient(fake!, { sleeps }), pageSize: 20 });
    expect(outcome.services.inserted).toBe(50);
    expect(sleeps).toEqual([2000, 500]);
    expect(fake!.requests.filter((request) => request.status >= 500 || request.status === 429).length).toBe(2);
  });

  it('renormalize gives the rows a fresh sync gives, and a second one changes nothing', async () => {
    await start();
    await runSync(db(), fake!);
    const synced = await snapshotTables(db(), ['services', 'teams']);
    await db().execute(sql`update services set tier = 'stale', lifecycle = null, tags = null`);
    await db().execute(sql`update teams set parent = null, display_name = 'stale'`);
    const outcome = await renormalizeBackstage(db());
    expect(outcome).toMatchObject({ scopes: 58, invalid: 0, inserted: 0, updated: 58 });
    expect(await snapshotTables(db(), ['services', 'teams'])).toEqual(synced);
    // 58 teams and services, and the 50 components' catalog facts the sync recorded (renormalize leaves facts be).
    expect(await renormalizeBackstage(db())).toMatchObject({ inserted: 0, updated: 0, unchanged: 108 });
    expect(await db().select().from(rawPayloads)).toHaveLength(66);
  });
});

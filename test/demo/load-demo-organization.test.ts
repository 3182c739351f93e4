import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { autoLoadDemo } from '../../ingest/demo/auto-load-demo';
import { loadDemoOrganization } from '../../ingest/demo/load-demo-organization';
import { loadConfig } from '../../lib/config/load-config';
import { queryRows } from '../../lib/db/query-rows';
import { settings } from '../../lib/db/schema';
import { getDemoStartupAction } from '../../lib/demo/get-demo-startup-action';
import { getDemoStatus } from '../../lib/demo/get-demo-status';
import { hasRealData } from '../../lib/demo/has-real-data';
import { recordDemoSetting } from '../../lib/demo/record-demo-setting';
import { removeDemoData } from '../../lib/demo/remove-demo-data';
import { isAppError } from '../../lib/errors';
import { importEvents } from '../../ingest/sources/events/import-events';
import { asLines } from '../helpers/event-input';
import { countRows, snapshotTables } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';

const NOW = new Date('2026-11-21T08:00:00Z');
const SOURCED = ['services', 'deployments', 'changes', 'incidents', 'pipeline_runs', 'facts', 'raw_payloads'];

let cwd: string;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'waymark-demo-config-'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
const configWith = (env: Record<string, string> = {}) => loadConfig({ env: env as NodeJS.ProcessEnv, cwd }).config;

const realDeployment = {
  kind: 'deployment',
  id: 'jenkins-1',
  service: 'payments-api',
  environment: 'production',
  status: 'success',
  finishedAt: '2026-11-20T10:00:00Z',
  commits: [{ sha: 'a'.repeat(40), authoredAt: '2026-11-20T08:00:00Z' }],
};

const sourcesOf = async (db: Parameters<typeof countRows>[0], table: string) =>
  (await queryRows<{ source: string }>(db, sql.raw(`select distinct source from ${table} order by source`))).map((row) => row.source);

describeEachBackend('the demo organization', ({ db, handle, backend }) => {
  // The whole 180-day organization with its scorecard history: minutes on a busy 2-core machine.
  it('is loaded by npm start into an empty embedded database (not into a Postgres server), through the events import', async () => {
    let printed = '';
    const stdout = new Writable({ write: (chunk, _encoding, done) => ((printed += String(chunk)), done()) });
    const decision = await autoLoadDemo({ handle: handle(), config: configWith(), stdout, now: NOW });
    if (backend === 'pglite') {
      expect(decision).toEqual({ action: 'load', seed: null });
      expect(printed).toMatch(/^Loaded the demo organization \(acme: 40 services, 180 days to 2026-11-21, seed 42\) in [\d.]+s\./);
    } else {
      expect(decision).toEqual({ action: 'skip', reason: 'the database is a Postgres server' });
      expect(await countRows(db(), 'deployments')).toBe(0);
      await loadDemoOrganization({ db: db(), now: NOW });
    }
    expect(await countRows(db(), 'services')).toBe(40);
    expect(await countRows(db(), 'deployments')).toBeGreaterThan(4000);
    for (const table of SOURCED) expect(await sourcesOf(db(), table)).toEqual(['demo']);
    // It went through the import: every record has its raw payload, and the run is on record.
    const [raw] = await queryRows<{ count: number }>(db(), sql`select count(*)::int as count from raw_payloads where kind = 'deployment'`);
    expect(raw!.count).toBe(await countRows(db(), 'deployments'));
    expect(await queryRows(db(), sql`select job, source, scope, status from ingest_runs`)).toEqual([{ job: 'events', source: 'demo', scope: 'demo', status: 'success' }]);
    expect(await getDemoStatus({ db: db() })).toEqual({ loaded: true, seed: 42, organization: 'acme', loadedAt: NOW, through: '2026-11-21' });
    expect(await hasRealData({ db: db() })).toBe(false);
    // Started again the same day: nothing to do.
    expect(await getDemoStartupAction({ db: db(), backend: 'pglite', config: configWith(), today: '2026-11-21' })).toEqual({ action: 'skip', reason: 'the demo is loaded and current' });
  }, 300_000);

  it('gives the same rows when loaded twice with the same seed on the same day', async () => {
    await loadDemoOrganization({ db: db(), now: NOW, days: 14 });
    const first = await snapshotTables(db());
    await loadDemoOrganization({ db: db(), now: new Date('2026-11-21T20:00:00Z'), days: 14 });
    expect(await snapshotTables(db())).toEqual(first);
  });

  it('refuses a database that holds real data and stores nothing', async () => {
    await importEvents({ db: db(), input: asLines([realDeployment]), source: 'jenkins' });
    expect(await hasRealData({ db: db() })).toBe(true);
    const before = await snapshotTables(db());
    const error = await loadDemoOrganization({ db: db(), now: NOW, days: 14 }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isAppError(error) && error.message).toMatch(/^this database already holds real data/);
    expect(await snapshotTables(db())).toEqual(before);
    expect(await getDemoStartupAction({ db: db(), backend: 'pglite', config: configWith(), today: '2026-11-21' })).toEqual({ action: 'skip', reason: 'the database holds real data' });
  });

  it('removes only demo data, keeping real rows and the demo services they refer to', async () => {
    await loadDemoOrganization({ db: db(), now: NOW, days: 14 });
    await importEvents({ db: db(), input: asLines([realDeployment, { ...realDeployment, id: 'jenkins-2', service: 'mainframe' }]), source: 'jenkins' });
    const removed = await removeDemoData({ db: db() });
    expect(removed.services).toBe(39);
    expect(removed.deployments).toBeGreaterThan(100);
    expect((await queryRows<{ name: string }>(db(), sql`select name from services order by name`)).map((row) => row.name)).toEqual(['mainframe', 'payments-api']);
    for (const table of ['deployments', 'changes', 'deployment_changes', 'incidents', 'pipeline_runs', 'facts']) {
      expect(await queryRows(db(), sql.raw(`select 1 from ${table} where ${table === 'deployment_changes' ? "deployment_id like 'demo:%'" : "source = 'demo'"}`))).toEqual([]);
    }
    expect(await countRows(db(), 'deployments')).toBe(2);
    expect(await countRows(db(), 'deployment_changes')).toBe(2);
  });

  it('decides at start-up: off, a configured source, a removed demo and a stale demo', async () => {
    const decide = (env: Record<string, string> = {}, today = '2026-11-21') => getDemoStartupAction({ db: db(), backend: 'pglite', config: configWith(env), today });
    expect(await decide({ WAYMARK_DEMO: 'off' })).toEqual({ action: 'skip', reason: 'demo.mode is off' });
    expect(await decide({ GITHUB_TOKEN: 'ghp_x' })).toEqual({ action: 'skip', reason: 'a source is configured' });
    expect(await decide()).toEqual({ action: 'load', seed: null });
    await recordDemoSetting(db(), { state: 'loaded', seed: 7, organization: 'acme', loadedAt: '2026-11-18T08:00:00.000Z', through: '2026-11-18', records: 1 });
    // Loaded on an earlier day: loaded again with its seed, so its 180 days end today.
    expect(await decide()).toEqual({ action: 'load', seed: 7 });
    await recordDemoSetting(db(), { state: 'removed', removedAt: '2026-11-19T08:00:00.000Z' });
    expect(await decide()).toEqual({ action: 'skip', reason: 'the demo was removed with `waymark demo --reset`' });
    expect(await getDemoStatus({ db: db() })).toEqual({ loaded: false, removedAt: new Date('2026-11-19T08:00:00.000Z') });
    expect(await db().select().from(settings)).toHaveLength(1);
  });
});

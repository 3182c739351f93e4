/**
 * Metrics latency on a large generated organization, next to the floor: the time the same database takes for a plain
 * sequential count(*) over deployments and changes, measured in the same run.
 *
 *   npm run bench:metrics                          # Postgres (full size) and PGlite (1/10), then drops the database
 *   npm run bench:metrics -- --backend postgres --keep    # keep waymark_bench_metrics for another run (--reuse;
 *                                                         # --rebuild also rebuilds the lead-time rollup)
 *
 * Postgres comes from BENCH_DATABASE_URL, else TEST_DATABASE_URL (its server; the database is waymark_bench_metrics).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Db, type DbHandle } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { queryRows } from '../../lib/db/query-rows';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';
import { getDoraSeries } from '../../lib/metrics/get-dora-series';
import { getServiceMetricsTable } from '../../lib/metrics/get-service-metrics-table';
import { refreshMetricsRollup } from '../../lib/metrics/refresh-metrics-rollup';
import { getConfig } from '../../lib/config/load-config';
import type { MetricsScope } from '../../lib/metrics/metrics-types';
import { withDatabase } from '../helpers/postgres-url';
import { SEED_END, seedLargeOrganization, type SeedSize } from './metrics-seed';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'both' },
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const DATABASE = 'waymark_bench_metrics';
const FULL: SeedSize = { services: 2000, deployments: 1_000_000, incidents: 50_000 };
const WINDOW = { from: new Date(SEED_END.getTime() - 90 * 86_400_000), to: SEED_END };

const sized = (fraction: number): SeedSize => ({
  services: Math.round(FULL.services * fraction),
  deployments: Math.round(FULL.deployments * fraction),
  incidents: Math.round(FULL.incidents * fraction),
});

const number = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

const time = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

/** Median and p95 of `runs` calls (after two warm-up calls), the i-th call given i. */
const measure = async (fn: (i: number) => Promise<unknown>, runs = RUNS) => {
  await fn(runs);
  await fn(runs + 1);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(() => fn(i)));
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95) };
};

const measureFloor = async (db: Db) => {
  // A plain sequential scan: no index-only scan, no parallel workers.
  for (const setting of ['enable_indexonlyscan', 'enable_indexscan', 'enable_bitmapscan']) await db.execute(sql.raw(`set ${setting} = off`));
  await db.execute(sql`set max_parallel_workers_per_gather = 0`);
  const deployments = await measure(() => db.execute(sql`select count(*) from deployments`), 5);
  const changes = await measure(() => db.execute(sql`select count(*) from changes`), 5);
  for (const setting of ['enable_indexonlyscan', 'enable_indexscan', 'enable_bitmapscan', 'max_parallel_workers_per_gather']) await db.execute(sql.raw(`reset ${setting}`));
  return { deployments: deployments.median, changes: changes.median, total: deployments.median + changes.median };
};

const run = async (label: string, handle: DbHandle, size: SeedSize, seed: boolean) => {
  const db = handle.db;
  if (seed) {
    const started = performance.now();
    await seedLargeOrganization(db, size);
    await db.execute(sql`vacuum analyze`);
    console.log(`${label}: seeded in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  // The rollup is built once per production pattern (the first metrics call would do it); timed on its own.
  const building = performance.now();
  await refreshMetricsRollup({ db, pattern: getConfig().metrics.productionEnvironmentPattern, force: args.rebuild });
  await db.execute(sql`analyze metrics_first_shipments`);
  console.log(`${label}: lead-time rollup built in ${Math.round((performance.now() - building) / 1000)} s`);
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*) from services)::int as services, (select count(*) from deployments)::int as deployments,
               (select count(*) from changes)::int as changes, (select count(*) from deployment_changes)::int as links,
               (select count(*) from incidents)::int as incidents`,
  );
  console.log(
    `${label}: ${number(counts!.services!)} services, ${number(counts!.deployments!)} deployments, ${number(counts!.changes!)} changes ` +
      `(${number(counts!.links!)} links), ${number(counts!.incidents!)} incidents; window ${WINDOW.from.toISOString()} to ${WINDOW.to.toISOString()}; load ${loadavg()[0]!.toFixed(2)}`,
  );
  const floor = await measureFloor(db);
  console.log(`${label}: floor (sequential count(*)): deployments ${ms(floor.deployments)} + changes ${ms(floor.changes)} = ${ms(floor.total)}`);

  const teams = size.services / 20;
  const scoped = (scope: (i: number) => MetricsScope) => (i: number) => getDoraMetrics({ db, scope: scope(i), window: WINDOW });
  const service = (i: number) => `svc-${String(1 + ((i * 7919 + 13) % size.services)).padStart(5, '0')}`;
  const cases: [string, (i: number) => Promise<unknown>][] = [
    ['org, 90 days', scoped(() => ({ org: true }))],
    ['team, 90 days', scoped((i) => ({ team: `team-${String(1 + ((i * 37 + 5) % teams)).padStart(3, '0')}` }))],
    ['service, 90 days', scoped((i) => ({ service: service(i) }))],
    ['service table of a team, 90 days', (i) => getServiceMetricsTable({ db, window: WINDOW, team: `team-${String(1 + ((i * 37 + 5) % teams)).padStart(3, '0')}` })],
    ['weekly series of a service, 90 days', (i) => getDoraSeries({ db, scope: { service: service(i) }, window: WINDOW, bucket: 'week' })],
  ];
  for (const [name, fn] of cases) {
    const { median, p95 } = await measure(fn);
    console.log(`${label}: ${name.padEnd(36)} median ${ms(median).padStart(8)}  p95 ${ms(p95).padStart(8)}  (${(median / floor.total).toFixed(2)}× floor)`);
  }
  const org = await getDoraMetrics({ db, scope: { org: true }, window: WINDOW });
  console.log(`${label}: org answer ${JSON.stringify(org)}`);
};

const runPostgres = async () => {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('Set BENCH_DATABASE_URL or TEST_DATABASE_URL to a Postgres server');
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  const [exists] = await admin<{ n: number }[]>`select count(*)::int as n from pg_database where datname = ${DATABASE}`;
  const seed = !(args.reuse && exists!.n > 0);
  if (seed) {
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
  }
  const handle = await openDatabase({ backend: 'postgres', url: withDatabase(base, DATABASE), max: 1 });
  try {
    await migrateDatabase(handle);
    await run(`postgres x${args.scale}`, handle, sized(Number(args.scale)), seed);
  } finally {
    await handle.close();
    if (!args.keep) await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.end();
  }
};

const runPglite = async () => {
  const handle = await openDatabase({ backend: 'pglite', instance: await PGlite.create() });
  try {
    await migrateDatabase(handle);
    await run(`pglite x${Number(args.scale) / 10}`, handle, sized(Number(args.scale) / 10), true);
  } finally {
    await handle.close();
  }
};

if (args.backend === 'postgres' || args.backend === 'both') await runPostgres();
if (args.backend === 'pglite' || args.backend === 'both') await runPglite();

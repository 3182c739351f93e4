/**
 * Import throughput of events-v1 (issue 2): records per second for a large NDJSON file on the embedded database
 * and, when TEST_DATABASE_URL or DATABASE_URL is set, on the Postgres server. The baseline, measured in the same run,
 * is reading, parsing and validating the same file with no database: the most any import could do on this machine.
 * Issue 19's floors and goals, same run: on Postgres a `COPY` of the rows the import left into the same tables
 * (import ≥ 0.5× its speed), the same file again (≤ 0.3× a first import), and a first import into a database whose
 * lead-time rollup is built (≤ 1.2× one without), on both backends.
 *
 *   npm run bench:import -- --records 1000000
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type DbHandle } from '../../lib/db/client';
import { queryRows } from '../../lib/db/query-rows';
import { migrateDatabase } from '../../lib/db/migrate';
import { importEvents } from '../../ingest/sources/events/import-events';
import { collectNdjsonRecords } from '../../ingest/sources/events/collect-ndjson-records';
import { validateEventRecord } from '../../ingest/sources/events/validate-event-record';
import { TEST_POSTGRES_URL, withDatabase } from '../helpers/postgres-url';
import { seededRandom } from '../../lib/random/seeded-random';
import { refreshMetricsRollup } from '../../lib/metrics/refresh-metrics-rollup';
import { getConfig } from '../../lib/config/load-config';
import { timeCopyFloor } from './time-copy-floor';

const { values } = parseArgs({ options: { records: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '42' } } });
const RECORDS = Number(values.records);
const random = seededRandom(Number(values.seed));
const SERVICES = 200;
const START = Date.parse('2025-01-01T00:00:00Z');
const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
const iso = (ms: number) => new Date(ms).toISOString();

const writeFile = async (path: string) => {
  const out = createWriteStream(path);
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  for (let index = 0; index < RECORDS; index++) {
    const service = `svc-${index % SERVICES}`;
    const at = START + index * 30_000;
    const roll = random();
    let record: object;
    if (roll < 0.6) {
      record = {
        kind: 'deployment', id: `d-${index}`, service, environment: random() < 0.9 ? 'production' : 'staging',
        status: random() < 0.92 ? 'success' : 'failure', commitSha: hex(40), startedAt: iso(at), finishedAt: iso(at + 300_000),
        commits: [{ sha: hex(40), authoredAt: iso(at - 86_400_000 * random()) }, { sha: hex(40), authoredAt: iso(at - 3_600_000) }],
      };
    } else if (roll < 0.95) {
      record = { kind: 'pipeline_run', id: `r-${index}`, service, name: 'ci', status: random() < 0.85 ? 'success' : 'failure', startedAt: iso(at), finishedAt: iso(at + 600_000), commitSha: hex(40) };
    } else {
      record = { kind: 'incident', id: `i-${index}`, service, openedAt: iso(at), resolvedAt: random() < 0.9 ? iso(at + 7_200_000) : null, severity: 'sev2' };
    }
    await write(`${JSON.stringify(record)}\n`);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
};

const rate = (records: number, ms: number) => Math.round(records / (ms / 1000));
const row = (label: string, ms: number, baselineMs: number) =>
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${String(rate(RECORDS, ms)).padStart(8)} records/s  ${(ms / baselineMs).toFixed(1).padStart(5)}× baseline`);

const printRatio = (label: string, ratio: number, goal = 'goal ≤ 1.2×') =>
  console.log(`${label.padEnd(44)} ${ratio.toFixed(2)}× (${goal})`);

// Once anyone opens a metrics page the lead-time rollup is built, and every later write maintains it in its own
// statement: an import into such a database must stay linear in the file's size (issue 19).
const buildRollup = (handle: DbHandle) =>
  refreshMetricsRollup({ db: handle.db, pattern: getConfig().metrics.productionEnvironmentPattern });

// What keeping the rollup cost inside the database, told by its own function statistics. The embedded database has
// one session, so a setting made here covers the import's statements too.
const trackRollupFunctions = (handle: DbHandle) => handle.db.execute(sql`set track_functions = 'pl'`);
// The trigger calls the full refresh for the commits it cannot judge from a statement's own links, so its total
// time holds the refresh's.
const readRollupSeconds = async (handle: DbHandle) => {
  const [totals] = await queryRows<{ trigger: number | null; refresh: number | null }>(
    handle.db,
    sql`select sum(total_time) filter (where funcname = 'metrics_on_write') / 1000 as trigger,
          sum(total_time) filter (where funcname = 'metrics_refresh_first_shipments') / 1000 as refresh
        from pg_stat_user_functions`,
  );
  return { trigger: Number(totals?.trigger ?? 0), refresh: Number(totals?.refresh ?? 0) };
};

const timeImport = async (handle: DbHandle, file: string) => {
  const started = performance.now();
  const counts = await importEvents({ db: handle.db, input: collectNdjsonRecords(createReadStream(file)) });
  return { ms: performance.now() - started, counts };
};

const main = async () => {
  const folder = mkdtempSync(join(tmpdir(), 'waymark-bench-import-'));
  const file = join(folder, 'events.ndjson');
  let started = performance.now();
  await writeFile(file);
  console.log(`Generated ${RECORDS.toLocaleString('en-US')} records (${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  let valid = 0;
  for await (const item of collectNdjsonRecords(createReadStream(file))) if (!item.parseError && validateEventRecord(item.value).ok) valid++;
  const baselineMs = performance.now() - started;
  if (valid !== RECORDS) throw new Error(`generator produced ${RECORDS - valid} invalid records`);
  console.log(`\n${'step'.padEnd(44)} ${'time'.padStart(9)}  ${'throughput'.padStart(18)}  ratio`);
  row('baseline: read + parse + validate, no DB', baselineMs, baselineMs);

  const pglite = await openDatabase({ backend: 'pglite', dataDir: join(folder, 'data'), owner: { role: 'cli', command: 'bench' } });
  await migrateDatabase(pglite);
  const first = await timeImport(pglite, file);
  row('PGlite: first import', first.ms, baselineMs);
  const again = await timeImport(pglite, file);
  row(`PGlite: same file again (${again.counts.unchanged.toLocaleString('en-US')} unchanged)`, again.ms, baselineMs);
  printRatio('PGlite: same file again / first import', again.ms / first.ms, 'goal ≤ 0.3×');
  await pglite.close();
  const owner = { role: 'cli', command: 'bench' } as const;
  const built = await openDatabase({ backend: 'pglite', dataDir: join(folder, 'built'), owner });
  await migrateDatabase(built);
  await buildRollup(built);
  await trackRollupFunctions(built);
  const builtFirst = await timeImport(built, file);
  row('PGlite: first import, rollup built', builtFirst.ms, baselineMs);
  printRatio('PGlite: rollup built / not built', builtFirst.ms / first.ms);
  const spent = await readRollupSeconds(built);
  const kept = spent.trigger.toFixed(1).padStart(7);
  const refreshed = `of which full refreshes of touched commits ${spent.refresh.toFixed(1)} s`;
  console.log(`${'PGlite: of which keeping the rollup'.padEnd(44)} ${kept} s  (${refreshed})`);
  await built.close();

  if (TEST_POSTGRES_URL) {
    const name = `waymark_bench_import_${process.pid}`;
    const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
    const openServer = async (database: string) => {
      await admin.unsafe(`create database ${database}`);
      const handle = await openDatabase({ backend: 'postgres', url: withDatabase(TEST_POSTGRES_URL!, database) });
      await migrateDatabase(handle);
      return handle;
    };
    try {
      const server = await openServer(name);
      const firstPg = await timeImport(server, file);
      row('PostgreSQL: first import', firstPg.ms, baselineMs);
      const againPg = await timeImport(server, file);
      row(`PostgreSQL: same file again (${againPg.counts.unchanged.toLocaleString('en-US')} unchanged)`, againPg.ms, baselineMs);
      printRatio('PostgreSQL: same file again / first import', againPg.ms / firstPg.ms, 'goal ≤ 0.3×');
      await server.close();
      const floor = await openServer(`${name}_copy`);
      await floor.close();
      const urlOf = (database: string) => withDatabase(TEST_POSTGRES_URL!, database);
      const copy = await timeCopyFloor(urlOf(name), urlOf(`${name}_copy`));
      const copied = `${copy.rows.toLocaleString('en-US')} rows (${copy.tables.length} tables)`;
      row(`PostgreSQL: COPY of its ${copied}`, copy.ms, baselineMs);
      printRatio('PostgreSQL: import speed / COPY speed', copy.ms / firstPg.ms, 'goal ≥ 0.5×');
      const builtPg = await openServer(`${name}_built`);
      await buildRollup(builtPg);
      const builtFirstPg = await timeImport(builtPg, file);
      row('PostgreSQL: first import, rollup built', builtFirstPg.ms, baselineMs);
      printRatio('PostgreSQL: rollup built / not built', builtFirstPg.ms / firstPg.ms);
      await builtPg.close();
    } finally {
      for (const database of [name, `${name}_built`, `${name}_copy`]) {
        await admin.unsafe(`drop database if exists ${database} with (force)`);
      }
      await admin.end();
    }
  } else {
    console.log('PostgreSQL: skipped (set TEST_DATABASE_URL to include it)');
  }
  rmSync(folder, { recursive: true, force: true });
};

await main();

/**
 * Dashboard pages under concurrent readers: the production server on the demo organization, each page read by
 * `--readers` concurrent loops for `--seconds`, printing p50/p95/p99 and requests/s beside /api/health under the
 * same load (the floor: what the machine and server give a request that does no work), measured in the same run.
 *
 *   npm run bench:pages                          # PGlite, and Postgres too when TEST_DATABASE_URL is set
 *   npm run bench:pages -- --seconds 6 --readers 10 --backend pglite
 *   BENCH_ROOT=/path/to/other/checkout npm run bench:pages   # the same load on another build (before/after)
 *   npm run bench:pages -- --backend postgres --org large --scale 0.1   # bench:metrics organization, 200 services
 *
 * Builds the app first when the build is older than the sources (test/browser/helpers/ensure-build.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../../lib/db/client';
import { ensureBuild } from '../browser/helpers/ensure-build';
import { startServer } from '../browser/helpers/start-server';
import { waitForAnalyses } from '../browser/helpers/wait-for-analyses';
import { TEST_POSTGRES_URL, withDatabase } from '../helpers/postgres-url';
import { seedLargeOrganization, type SeedSize } from './metrics-seed';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '12' },
    readers: { type: 'string', default: '20' },
    pages: { type: 'string' },
    // demo: the demo organization (40 services); large: test/bench/metrics-seed.ts at --scale of 2,000 services.
    org: { type: 'string', default: 'demo' },
    scale: { type: 'string', default: '0.1' },
  },
});
const SECONDS = Number(args.seconds);
const READERS = Number(args.readers);
const ROOT = resolve(process.env.BENCH_ROOT ?? fileURLToPath(new URL('../../', import.meta.url)));
const TIMEOUT_MS = 30_000;
const log = (line: string) => process.stdout.write(`${line}\n`);

const waymark = (cliArgs: string[], env: Record<string, string>) => {
  const result = spawnSync(process.execPath, [join(ROOT, 'ingest/cli/bin.js'), ...cliArgs], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      WAYMARK_DEMO: 'off',
      ...env,
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`waymark ${cliArgs.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
};

type Figures = { p50: number; p95: number; p99: number; perSecond: number; requests: number; failures: number };

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/** `READERS` loops, each requesting the page and reading the whole (streamed) answer, until the time is up. */
const load = async (url: string): Promise<Figures> => {
  const times: number[] = [];
  let failures = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  const reader = async () => {
    while (performance.now() < until) {
      const at = performance.now();
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
        await response.text();
        if (!response.ok) failures++;
      } catch {
        failures++;
      }
      times.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: READERS }, reader));
  const elapsed = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    perSecond: times.length / elapsed,
    requests: times.length,
    failures,
  };
};

const format = (path: string, f: Figures) =>
  `| ${path.padEnd(28)} | ${f.p50.toFixed(0).padStart(7)} | ${f.p95.toFixed(0).padStart(7)} | ${f.p99.toFixed(0).padStart(7)} | ${f.perSecond.toFixed(1).padStart(6)} | ${String(f.failures).padStart(8)} |`;

const FULL_LARGE: SeedSize = { services: 2000, deployments: 1_000_000, incidents: 50_000 };

const loadOrganization = async (env: Record<string, string>) => {
  const loadStarted = Date.now();
  waymark(['migrate'], env);
  if (args.org === 'demo') waymark(['demo', '--seed', '42'], env);
  else {
    const scale = Number(args.scale);
    const size = Object.fromEntries(
      Object.entries(FULL_LARGE).map(([key, value]) => [key, Math.round(value * scale)]),
    ) as SeedSize;
    const handle = await openDatabase({ backend: 'postgres', url: env.DATABASE_URL!, max: 1 });
    try {
      await seedLargeOrganization(handle.db, size);
      await handle.db.execute(sql`analyze`);
    } finally {
      await handle.close();
    }
    log(`large organization: ${size.services} services, ${size.deployments} deployments, ${size.incidents} incidents`);
  }
  log(`${args.org} organization loaded in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s`);
};

const benchServer = async (label: string, env: Record<string, string>, dataDir: string) => {
  log(`\n## ${label} (root ${ROOT}; ${READERS} readers, ${SECONDS} s per page)`);
  await loadOrganization(env);
  const server = await startServer({
    root: ROOT,
    dataDir,
    logDir: dataDir,
    env: { ...env, WAYMARK_DEMO: 'off' },
    timeoutMs: 300_000,
  });
  try {
    await waitForAnalyses(server.url);
    const scorecards = (
      (await (await fetch(`${server.url}/api/v1/scorecards`)).json()) as { items: { service: string }[] }
    ).items;
    const service = scorecards[0]!.service;
    const all = [
      '/',
      '/dora',
      '/teams',
      '/services',
      '/adoption',
      '/impact',
      `/services/${service}`,
      '/standards',
      '/api/v1/metrics',
    ];
    const pages = args.pages ? all.filter((path) => args.pages!.split(',').includes(path)) : all;
    // One request each first: the first render of a route loads its code.
    for (const path of pages) await (await fetch(`${server.url}${path}`)).text();
    log(
      `load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    log('| page                         | p50 ms  | p95 ms  | p99 ms  | req/s  | failures |');
    log('|---|---|---|---|---|---|');
    log(format('/api/health (floor)', await load(`${server.url}/api/health`)));
    for (const path of pages) log(format(path, await load(`${server.url}${path}`)));
    log(format('/api/health (floor, again)', await load(`${server.url}/api/health`)));
  } finally {
    await server.stop();
  }
};

const main = async () => {
  ensureBuild(ROOT, log);
  const backends = args.backend === 'both' ? ['pglite', ...(TEST_POSTGRES_URL ? ['postgres'] : [])] : [args.backend!];
  if (args.org !== 'demo' && (args.org !== 'large' || backends.includes('pglite'))) {
    throw new Error('--org is demo, or large with --backend postgres');
  }
  for (const backend of backends) {
    const work = mkdtempSync(join(tmpdir(), 'waymark-bench-pages-'));
    try {
      if (backend === 'pglite') {
        await benchServer('embedded database (PGlite)', { WAYMARK_DATA_DIR: join(work, 'data') }, work);
        continue;
      }
      if (!TEST_POSTGRES_URL) throw new Error('--backend postgres needs TEST_DATABASE_URL');
      const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
      const database = `waymark_bench_pages_${process.pid}`;
      await admin.unsafe(`create database ${database}`);
      try {
        await benchServer(
          'Postgres',
          { DATABASE_URL: withDatabase(TEST_POSTGRES_URL, database), WAYMARK_DATA_DIR: join(work, 'data') },
          work,
        );
      } finally {
        await admin.unsafe(`drop database if exists ${database} with (force)`);
        await admin.end();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
};

await main();

/**
 * Scorecard evaluation cost (issue 6): a history rebuild over many days, a live evaluation of every service (first,
 * then unchanged), and the trend series, for an organization shaped like the demo (weekly repository facts, a few
 * deployments a week with commits, incidents), on the embedded database and, when TEST_DATABASE_URL or
 * DATABASE_URL is set, on the Postgres server. Prints figures; asserts nothing about time.
 *
 *   npm run bench:scorecard -- --services 30 --days 180
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { importEvents } from '../../ingest/sources/events/import-events';
import { seededRandom } from '../../lib/random/seeded-random';
import { DEFAULT_STANDARDS_YAML } from '../../lib/scorecard/default-standards';
import { evaluateScorecards } from '../../lib/scorecard/evaluate-scorecards';
import { getAdoptionSeries } from '../../lib/scorecard/get-adoption-series';
import { getLevelDistributionSeries } from '../../lib/scorecard/get-level-distribution-series';
import { listScorecards } from '../../lib/scorecard/list-scorecards';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { rebuildScorecardHistory } from '../../lib/scorecard/rebuild-scorecard-history';
import { TEST_POSTGRES_URL, withDatabase } from '../helpers/postgres-url';
import { DAY_MS } from '../../lib/format/time-units';

const { values } = parseArgs({ options: { services: { type: 'string', default: '30' }, days: { type: 'string', default: '180' }, seed: { type: 'string', default: '7' } } });
const SERVICES = Number(values.services);
const DAYS = Number(values.days);
const random = seededRandom(Number(values.seed));
const NOW = new Date('2026-11-21T12:00:00Z');
const START = NOW.getTime() - DAYS * DAY_MS;
const standards = parseStandards(DEFAULT_STANDARDS_YAML, 'built-in');
const hex = () => Array.from({ length: 40 }, () => Math.floor(random() * 16).toString(16)).join('');
const iso = (ms: number) => new Date(ms).toISOString();

/** Weekly facts in which each service adopts the golden path part-way, deployments with commits, some incidents. */
const generate = () => {
  const records: unknown[] = [];
  for (let index = 0; index < SERVICES; index++) {
    const name = `svc-${index}`;
    records.push({ kind: 'service', name, team: `team-${index % 5}`, lifecycle: 'production' });
    const adopts = START + random() * DAYS * DAY_MS;
    for (let at = START; at < NOW.getTime(); at += 7 * DAY_MS) {
      const adopted = at >= adopts;
      const paths = ['README.md', 'package.json', ...(adopted ? ['CODEOWNERS', '.github/workflows/deploy.yml', '.github/dependabot.yml', 'catalog-info.yaml'] : [])];
      const files: Record<string, string> = { 'package.json': JSON.stringify({ dependencies: adopted ? { '@opentelemetry/api': '^1.9.0' } : {} }) };
      if (adopted) {
        files['.github/workflows/deploy.yml'] = 'jobs:\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@v2\n';
        files['catalog-info.yaml'] = `kind: Component\nmetadata:\n  name: ${name}\nspec:\n  owner: group:team-${index % 5}\n`;
      }
      records.push({ kind: 'facts', service: name, collectedAt: iso(at), repository: { defaultBranch: 'main', paths, files }, branchProtection: { branch: 'main', enabled: adopted, requiredReviews: adopted ? 1 : 0 } });
    }
    for (let at = START; at < NOW.getTime(); at += DAY_MS * (1 + random() * 3)) {
      const sha = hex();
      const id = `${name}-${at}`;
      records.push({ kind: 'deployment', id, service: name, environment: 'production', status: 'success', commitSha: sha, finishedAt: iso(at), commits: [{ sha, authoredAt: iso(at - random() * 2 * DAY_MS) }] });
      if (random() < 0.1) records.push({ kind: 'incident', id: `i-${id}`, service: name, openedAt: iso(at + 3_600_000), resolvedAt: iso(at + 7_200_000), causedBy: id });
    }
  }
  // Facts must arrive in time order per service, as a source would send them.
  return records.sort((a, b) => String((a as { collectedAt?: string }).collectedAt ?? '').localeCompare(String((b as { collectedAt?: string }).collectedAt ?? '')));
};

const time = async <T>(label: string, fn: () => Promise<T>, describe: (value: T) => string = () => '') => {
  const started = performance.now();
  const value = await fn();
  console.log(`  ${label.padEnd(46)} ${((performance.now() - started) / 1000).toFixed(2).padStart(8)} s  ${describe(value)}`);
  return value;
};

const run = async (label: string, handle: DbHandle, records: unknown[]) => {
  console.log(`\n${label}`);
  await migrateDatabase(handle);
  await time('import facts, deployments, incidents', () => importEvents({ db: handle.db, input: records.map((value, index) => ({ position: `line ${index + 1}`, value })) }), (counts) => `${counts.records} records`);
  const from = iso(START).slice(0, 10);
  await time(`rebuild history, ${DAYS} days`, () => rebuildScorecardHistory({ db: handle.db, standards, from, now: NOW }), (result) => `${result.snapshots} snapshots, ${result.written} changed results, ${((result.days * SERVICES) / 1).toFixed(0)} service-days`);
  await time('evaluate every service (after rebuild)', () => evaluateScorecards({ db: handle.db, standards, now: NOW }), (result) => `${result.written} written, ${result.unchanged} unchanged`);
  await time('evaluate every service again (unchanged)', () => evaluateScorecards({ db: handle.db, standards, now: new Date(NOW.getTime() + 60_000) }), (result) => `${result.written} written`);
  await time('listScorecards', () => listScorecards({ db: handle.db, standards }), (rows) => `${rows.length} rows`);
  await time('getAdoptionSeries (weekly)', () => getAdoptionSeries({ db: handle.db, standards, from, to: NOW, bucket: 'week' }), (series) => `${series.buckets.length} buckets`);
  await time('getAdoptionSeries (daily)', () => getAdoptionSeries({ db: handle.db, standards, from, to: NOW, bucket: 'day' }), (series) => `${series.buckets.length} buckets`);
  await time('getLevelDistributionSeries (weekly)', () => getLevelDistributionSeries({ db: handle.db, standards, from, to: NOW, bucket: 'week' }), (series) => `${series.points.length} points`);
};

const main = async () => {
  const records = generate();
  console.log(`Scorecard benchmark: ${SERVICES} services, ${DAYS} days, ${records.length} records, ${standards.checks.length} checks`);
  const folder = mkdtempSync(join(tmpdir(), 'waymark-bench-scorecard-'));
  const pglite = await openDatabase({ backend: 'pglite', dataDir: join(folder, 'data'), owner: { role: 'cli', command: 'bench' } });
  try {
    await run('embedded (PGlite)', pglite, records);
  } finally {
    await pglite.close();
    rmSync(folder, { recursive: true, force: true });
  }
  if (!TEST_POSTGRES_URL) return;
  const name = `waymark_bench_scorecard_${process.pid}`;
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const server = await openDatabase({ backend: 'postgres', url: withDatabase(TEST_POSTGRES_URL, name) });
  try {
    await run('Postgres server', server, records);
  } finally {
    await server.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
};

await main();

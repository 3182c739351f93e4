/**
 * Benchmark of `waymark ingest git` on a generated repository (default 100,000 commits and 2,000 tags, one in ten
 * annotated, a merged side branch every 100 commits). Prints, for each backend: the first ingest, a second run with
 * nothing new, and a run after 50 new commits and a tag, next to the floor of reading the same history with git
 * alone (`git rev-list --count --all` and `git log --all` with the same format the source uses).
 *
 *   npm run bench:git                                  # PGlite, plus Postgres when TEST_DATABASE_URL is set
 *   BENCH_COMMITS=20000 BENCH_TAGS=400 npm run bench:git
 *
 * Not part of `npm test`: it takes minutes and only prints figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '../../lib/db/client';
import { migrateDatabase } from '../../lib/db/migrate';
import { ingestGitRepository, type IngestGitResult } from '../../ingest/sources/git/ingest-git-repository';
import { buildGeneratedRepository } from '../helpers/build-generated-repository';

const COMMITS = Number(process.env.BENCH_COMMITS ?? 100_000);
const TAGS = Number(process.env.BENCH_TAGS ?? 2_000);
const POSTGRES_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
const root = mkdtempSync(join(tmpdir(), 'waymark-bench-git-'));
const repo = join(root, 'bench-service');
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 1 << 30 });

const measure = async <T>(run: () => Promise<T>) => {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = await run();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  return { value, seconds, cpuSeconds: (used.user + used.system) / 1e6, peakMb: peak / 2 ** 20 };
};

const floorOf = async (args: string[]) => (await measure(async () => git(...args).length)).seconds;

const fmt = (seconds: number) => `${seconds.toFixed(2)} s`;

const main = async () => {
  console.log(`Building a repository of ${COMMITS.toLocaleString('en-US')} commits and ${TAGS.toLocaleString('en-US')} tags…`);
  const built = await measure(() => buildGeneratedRepository({ dir: repo, commits: COMMITS, tags: TAGS, env }));
  console.log(`  built in ${fmt(built.seconds)} (${built.value.commits} commits, ${built.value.tags} tags)`);
  git('gc', '-q', '--auto');
  const revListFloor = await floorOf(['rev-list', '--count', '--all']);
  const logFloor = await floorOf(['log', '--all', '-z', '--format=%H%x1f%P%x1f%an%x1f%aI%x1f%cI%x1f%s']);
  console.log(`Floor: git rev-list --count --all ${fmt(revListFloor)}; git log --all (same format) ${fmt(logFloor)}`);

  const backends: { name: string; open: () => Promise<DbHandle>; drop?: () => Promise<void> }[] = [
    { name: 'pglite (on disk)', open: () => openDatabase({ backend: 'pglite', dataDir: join(root, 'data'), owner: { role: 'cli', command: 'bench' } }) },
  ];
  if (POSTGRES_URL) {
    const database = `waymark_bench_git_${process.pid}`;
    const admin = postgres(POSTGRES_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${database}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${database}`;
    backends.push({
      name: 'postgres',
      open: () => openDatabase({ backend: 'postgres', url: url.toString() }),
      drop: async () => {
        await admin.unsafe(`drop database if exists ${database} with (force)`);
        await admin.end();
      },
    });
  }

  for (const backend of backends) {
    const handle = await backend.open();
    await migrateDatabase(handle);
    const ingest = () => ingestGitRepository({ db: handle.db, path: repo, horizonDays: 30 });
    const report = (label: string, run: Awaited<ReturnType<typeof measure<IngestGitResult>>>) =>
      console.log(
        `  ${label.padEnd(34)} ${fmt(run.seconds).padStart(10)}  cpu ${fmt(run.cpuSeconds).padStart(9)}  peak rss ${run.peakMb.toFixed(0).padStart(5)} MB  ` +
          `${run.value.written.deployments} deployments, ${run.value.written.commits} commits  ×${(run.seconds / logFloor).toFixed(1)} git log`,
      );
    console.log(`${backend.name} (rss before ingesting: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB):`);
    report('first ingest', await measure(ingest));
    report('second run, nothing new', await measure(ingest));
    const tip = git('rev-parse', 'main').trim();
    for (let index = 0; index < 50; index++) git('commit', '-q', '--allow-empty', '-m', `late change ${index}`);
    git('tag', 'v9.0.0');
    report('third run, 50 commits and 1 tag', await measure(ingest));
    git('tag', '-d', 'v9.0.0');
    git('reset', '-q', '--hard', tip);
    await handle.close();
    await backend.drop?.();
  }
};

try {
  await main();
} finally {
  rmSync(root, { recursive: true, force: true });
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../lib/db/client';
import { queryRows } from '../../lib/db/query-rows';
import { getAdoptionSeries } from '../../lib/scorecard/get-adoption-series';
import { getFactFileGlobs } from '../../lib/scorecard/get-fact-file-globs';
import { getLevelDistributionSeries } from '../../lib/scorecard/get-level-distribution-series';
import { listRegressions } from '../../lib/scorecard/list-regressions';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { rebuildScorecardHistory } from '../../lib/scorecard/rebuild-scorecard-history';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';
import { createGitRepository, type GitRepository } from './helpers/git-repository';
import { deploymentRecord, factsRecord, importRecords, serviceRecord } from './helpers/ingest';

const standards = parseStandards(
  `version: 1
levels: [bronze, silver]
checks:
  - { id: readme, level: bronze, rule: { fileExists: README.md } }
  - { id: deploys-recently, level: bronze, rule: { deployedWithinDays: 14 } }
  - { id: codeowners, level: silver, rule: { fileExists: [CODEOWNERS, .github/CODEOWNERS] } }
`,
  'golden-path.yaml',
);
const globs = getFactFileGlobs(standards);

// Six weeks, Monday 2026-09-07 to Sunday 2026-10-18; facts are collected every Monday.
const FROM = '2026-09-07';
const TO = '2026-10-18';
const NOW = new Date('2026-11-21T12:00:00Z');
const monday = (week: number) => new Date(Date.parse(`${FROM}T06:00:00Z`) + week * 7 * 86_400_000);

let repo: GitRepository;
const trees: Record<string, ReturnType<GitRepository['readFacts']>> = {};

beforeAll(() => {
  // One real repository, read at three commits: no CODEOWNERS, then with it, then with the README deleted.
  repo = createGitRepository({ 'README.md': '# svc\n', 'src/main.ts': '' });
  trees.plain = repo.readFacts(globs);
  repo.commit({ CODEOWNERS: '* @acme/core\n' }, 'adopt CODEOWNERS');
  trees.owned = repo.readFacts(globs);
  repo.commit({ 'README.md': null }, 'remove README');
  trees.noReadme = repo.readFacts(globs);
});
afterAll(() => repo.remove());

/**
 * payments adopts CODEOWNERS in week 3; orders has it from the start but drops its README in week 4;
 * search is collected once in week 0 and never again (stale from day 15 on); billing appears in week 2.
 */
const importHistory = async (db: Db) => {
  await importRecords(db, ['payments', 'orders', 'search', 'billing'].map((name) => serviceRecord(name)));
  for (let week = 0; week < 6; week++) {
    const records: unknown[] = [
      factsRecord('payments', monday(week), { repository: week < 3 ? trees.plain! : trees.owned! }),
      factsRecord('orders', monday(week), { repository: week < 4 ? trees.owned! : trees.noReadme! }),
      deploymentRecord('payments', monday(week)),
      deploymentRecord('orders', monday(week)),
    ];
    if (week === 0) records.push(factsRecord('search', monday(0), { repository: trees.owned! }), deploymentRecord('search', monday(0)));
    if (week >= 2) records.push(factsRecord('billing', monday(week), { repository: trees.plain! }), deploymentRecord('billing', monday(week)));
    await importRecords(db, records);
  }
};

const historyRows = (db: Db) =>
  queryRows<{ row: string }>(db, sql`select concat_ws('|', service, check_id, status, evaluated_at::text, check_hash) as row from check_results order by 1`);

describeEachBackend('history rebuilt from fact history', ({ db }) => {
  it('evaluates each day as it was, and feeds level distribution, adoption and regressions', async () => {
    await importHistory(db());
    const result = await rebuildScorecardHistory({ db: db(), standards, from: FROM, to: TO, now: NOW });
    // 42 days of payments, orders and search; billing from its first facts in week 2 (28 days).
    expect(result).toMatchObject({ days: 42, snapshots: 42 * 3 + 28 });
    expect(await countRows(db(), 'scorecard_snapshots')).toBe(42 * 3 + 28);

    const [first] = await queryRows<{ at: string }>(db(), sql`select min(evaluated_at)::text as at from check_results`);
    expect(new Date(first!.at).toISOString()).toBe('2026-09-07T23:59:59.999Z');

    const levels = await getLevelDistributionSeries({ db: db(), standards, from: FROM, to: TO, bucket: 'week' });
    expect(levels.levels).toEqual(['unranked', 'bronze', 'silver']);
    expect(levels.points.map((point) => [point.bucket, point.counts])).toEqual([
      ['2026-09-07', { unranked: 0, bronze: 1, silver: 2 }],
      ['2026-09-14', { unranked: 0, bronze: 1, silver: 2 }],
      // By this week's Sunday search's only facts are 20 days old: unknown, so unranked; billing appears.
      ['2026-09-21', { unranked: 1, bronze: 2, silver: 1 }],
      ['2026-09-28', { unranked: 1, bronze: 1, silver: 2 }],
      ['2026-10-05', { unranked: 2, bronze: 1, silver: 1 }],
      ['2026-10-12', { unranked: 2, bronze: 1, silver: 1 }],
    ]);

    // A day nobody evaluated is not a hole in a daily trend: the day before carries over.
    await db().execute(sql`delete from scorecard_snapshots where day = '2026-10-10'`);
    const daily = await getLevelDistributionSeries({ db: db(), standards, from: '2026-10-09', to: '2026-10-10', bucket: 'day' });
    expect(daily.points.map((point) => point.services)).toEqual([4, 4]);
    expect(daily.points[1]!.counts).toEqual(daily.points[0]!.counts);

    const adoption = await getAdoptionSeries({ db: db(), standards, from: FROM, to: TO, bucket: 'week' });
    const codeowners = adoption.checks.find((check) => check.id === 'codeowners')!;
    expect(codeowners.points.map((point) => [point.pass, point.applicable, point.share])).toEqual([
      [2, 3, 0.6667],
      [2, 3, 0.6667],
      [1, 4, 0.25],
      [2, 4, 0.5],
      [2, 4, 0.5],
      [2, 4, 0.5],
    ]);
    expect(adoption.ruleChanges).toEqual([]);

    const regressions = await listRegressions({ db: db(), standards, since: new Date('2026-10-01T00:00:00Z') });
    expect(regressions).toContainEqual(
      expect.objectContaining({ kind: 'check', service: 'orders', checkId: 'readme', at: '2026-10-05T23:59:59.999Z', cause: 'service', current: 'fail' }),
    );
    expect(regressions).toContainEqual({ kind: 'level', service: 'orders', team: 'core', from: 'silver', to: 'unranked', day: '2026-10-05' });
    expect(regressions.filter((regression) => regression.kind === 'check').map((regression) => regression.service)).toEqual(['orders']);
  });

  it('gives the same history when rebuilt again, and marks a changed rule in the adoption series', async () => {
    await importHistory(db());
    await rebuildScorecardHistory({ db: db(), standards, from: FROM, to: TO, now: NOW });
    const once = await historyRows(db());
    await rebuildScorecardHistory({ db: db(), standards, from: FROM, to: TO, now: NOW });
    expect(await historyRows(db())).toEqual(once);

    // The same weeks judged by a stricter README rule from 2026-10-01 on: a rule change on that day.
    const stricter = parseStandards(
      `version: 1
levels: [bronze, silver]
checks:
  - { id: readme, level: bronze, rule: { fileMatches: { path: README.md, pattern: "^## Runbook" } } }
  - { id: deploys-recently, level: bronze, rule: { deployedWithinDays: 14 } }
  - { id: codeowners, level: silver, rule: { fileExists: [CODEOWNERS, .github/CODEOWNERS] } }
`,
      'golden-path.yaml',
    );
    await rebuildScorecardHistory({ db: db(), standards: stricter, from: '2026-10-01', to: TO, now: NOW });
    const adoption = await getAdoptionSeries({ db: db(), standards: stricter, from: FROM, to: TO, bucket: 'month' });
    expect(adoption.ruleChanges).toEqual([{ checkId: 'readme', hash: stricter.checks[0]!.hash, day: '2026-10-01' }]);
    expect(adoption.checks[0]!.points.map((point) => [point.bucket, point.pass])).toEqual([
      ['2026-09-01', 3],
      ['2026-10-01', 0],
    ]);
    const regressions = await listRegressions({ db: db(), standards: stricter, since: new Date('2026-10-01T00:00:00Z') });
    expect(regressions.find((regression) => regression.kind === 'check' && regression.service === 'payments')).toMatchObject({ checkId: 'readme', cause: 'rule' });
  });
});

import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { countRows } from '../helpers/table-snapshot';
import { describeEachBackend } from '../helpers/test-db';
import { DEFAULT_STANDARDS_YAML } from '../../lib/scorecard/default-standards';
import { evaluateScorecards } from '../../lib/scorecard/evaluate-scorecards';
import { getFactFileGlobs } from '../../lib/scorecard/get-fact-file-globs';
import { getServiceScorecard } from '../../lib/scorecard/get-service-scorecard';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { createGitRepository, type GitRepository } from './helpers/git-repository';
import { daysBefore, deploymentRecord, factsRecord, importRecords, serviceRecord } from './helpers/ingest';

const NOW = new Date('2026-11-20T12:00:00Z');
const standards = parseStandards(DEFAULT_STANDARDS_YAML, 'built-in');
const globs = getFactFileGlobs(standards);

const GOLDEN_FILES = {
  'README.md': '# Payments\n',
  '.github/CODEOWNERS': '* @acme/core\n',
  'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments\nspec:\n  type: service\n  lifecycle: production\n  owner: group:core\n',
  '.github/workflows/deploy.yml': 'name: deploy\non: push\njobs:\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@v3\n',
  '.github/dependabot.yml': 'version: 2\n',
  'package.json': JSON.stringify({ name: 'payments', dependencies: { '@opentelemetry/api': '^1.9.0', express: '^4.0.0' } }, null, 2),
  'src/index.ts': 'export {};\n',
};

let golden: GitRepository;
let bare: GitRepository;

beforeAll(() => {
  golden = createGitRepository(GOLDEN_FILES);
  bare = createGitRepository({ 'main.go': 'package main\n', 'go.mod': 'module example.com/ledger\n\ngo 1.22\n' });
});
afterAll(() => {
  golden.remove();
  bare.remove();
});

const protectedMain = { branch: 'main', enabled: true, requiredReviews: 1 };

describeEachBackend('the built-in standards on services from real git repositories', ({ db }) => {
  it('passes, fails and reports unknown with evidence, and places each service at the right level', async () => {
    await importRecords(db(), [
      serviceRecord('payments'),
      serviceRecord('ledger'),
      serviceRecord('search'),
      factsRecord('payments', daysBefore(NOW, 1), { repository: golden.readFacts(globs), branchProtection: protectedMain }),
      factsRecord('ledger', daysBefore(NOW, 1), { repository: bare.readFacts(globs), branchProtection: { branch: 'main', enabled: false } }),
      factsRecord('search', daysBefore(NOW, 1), { errors: { repository: 'git clone failed: repository not found', branchProtection: 'HTTP 403' } }),
      // One change, authored 10 hours before it reached production: lead time 10 h, no failures.
      deploymentRecord('payments', daysBefore(NOW, 3), { commitSha: 'c'.repeat(40), commits: [{ sha: 'c'.repeat(40), authoredAt: new Date(daysBefore(NOW, 3).getTime() - 10 * 3_600_000).toISOString() }] }),
      deploymentRecord('ledger', daysBefore(NOW, 45)),
    ]);
    await evaluateScorecards({ db: db(), standards, now: NOW });

    const payments = (await getServiceScorecard({ db: db(), service: 'payments', standards, now: NOW }))!;
    const status = Object.fromEntries(payments.checks.map((check) => [check.id, check.status]));
    expect(status).toEqual({
      codeowners: 'pass',
      'catalog-owner': 'pass',
      readme: 'pass',
      'deploys-recently': 'pass',
      'golden-deploy-workflow': 'pass',
      'protected-main': 'pass',
      'dependency-updates': 'pass',
      tracing: 'pass',
      'fast-lead-time': 'pass',
      'low-change-failure': 'pass',
    });
    expect(payments.level).toBe('gold');
    expect(payments.score).toBe(1);
    const byId = new Map(payments.checks.map((check) => [check.id, check]));
    expect(byId.get('golden-deploy-workflow')!.evidence).toMatchObject({ file: '.github/workflows/deploy.yml', line: 5, text: 'uses: acme/platform/.github/workflows/deploy.yml@v3' });
    expect(byId.get('codeowners')!.evidence).toMatchObject({ file: '.github/CODEOWNERS' });
    expect(byId.get('catalog-owner')!.evidence).toMatchObject({ value: 'group:core', source: 'catalog-info.yaml' });
    expect(byId.get('tracing')!.evidence).toMatchObject({ manifest: 'package.json', section: 'dependencies', version: '^1.9.0', line: 4 });
    expect(byId.get('codeowners')!).toMatchObject({ title: 'Code owners are declared', category: 'ownership', commitSha: golden.readFacts([]).headSha });
    expect(byId.get('codeowners')!.facts).toMatchObject({ kind: 'repository', status: 'ok', ageDays: 1 });
    expect(byId.get('codeowners')!.fix).toContain('CODEOWNERS');
    expect(byId.get('fast-lead-time')!.evidence).toMatchObject({ metric: 'leadTimeP50Hours', value: 10, windowDays: 30, below: 24 });
    expect(byId.get('low-change-failure')!.evidence).toMatchObject({ value: 0 });

    const ledger = (await getServiceScorecard({ db: db(), service: 'ledger', standards, now: NOW }))!;
    const ledgerStatus = Object.fromEntries(ledger.checks.map((check) => [check.id, check.status]));
    expect(ledgerStatus).toMatchObject({ codeowners: 'fail', 'catalog-owner': 'fail', readme: 'fail', 'deploys-recently': 'fail', 'protected-main': 'fail', tracing: 'fail' });
    expect(ledger.level).toBe('unranked');
    expect(ledger.checks.find((check) => check.id === 'tracing')!.evidence.summary).toBe('No manifest declares @opentelemetry/api');
    expect(ledger.checks.find((check) => check.id === 'catalog-owner')!.evidence.summary).toBe('The repository has no catalog-info.yaml');
    // Its last deployment is older than the 30-day window: no samples, so unknown rather than a pass or a fail.
    expect(ledger.checks.find((check) => check.id === 'low-change-failure')).toMatchObject({ status: 'unknown', evidence: { reason: 'no-samples' } });

    // A failed collection is unknown, never fail: the service may be fine and the collector broken.
    const search = (await getServiceScorecard({ db: db(), service: 'search', standards, now: NOW }))!;
    const searchChecks = new Map(search.checks.map((check) => [check.id, check]));
    for (const id of ['codeowners', 'readme', 'catalog-owner', 'golden-deploy-workflow', 'protected-main', 'tracing']) expect(searchChecks.get(id)!.status).toBe('unknown');
    expect(searchChecks.get('codeowners')!.evidence).toMatchObject({ reason: 'collection-failed', summary: 'Collecting repository facts failed: git clone failed: repository not found' });
    expect(searchChecks.get('deploys-recently')!.status).toBe('fail');
    expect(search.score).toBe(0);
    expect(search.counts).toMatchObject({ pass: 0, unknown: 9, fail: 1 });
  });

  it('writes nothing when nothing changed, and one row when one result changes', async () => {
    const repository = createGitRepository(GOLDEN_FILES);
    onTestFinished(() => repository.remove());
    await importRecords(db(), [serviceRecord('payments'), factsRecord('payments', daysBefore(NOW, 1), { repository: repository.readFacts(globs), branchProtection: protectedMain })]);
    const first = await evaluateScorecards({ db: db(), standards, now: NOW });
    expect(first.written).toBe(10);
    const second = await evaluateScorecards({ db: db(), standards, now: new Date(NOW.getTime() + 60_000) });
    expect(second).toMatchObject({ written: 0, unchanged: 10 });
    expect(await countRows(db(), 'check_results')).toBe(10);

    const head = repository.commit({ '.github/CODEOWNERS': null, CODEOWNERS: '* @acme/core\n' }, 'move CODEOWNERS');
    await importRecords(db(), [factsRecord('payments', NOW, { repository: repository.readFacts(globs), branchProtection: protectedMain })]);
    const third = await evaluateScorecards({ db: db(), standards, now: new Date(NOW.getTime() + 120_000) });
    // Still passing, but the evidence moved to another file: one new row, carrying the commit it came with.
    expect(third.written).toBe(1);
    const payments = (await getServiceScorecard({ db: db(), service: 'payments', standards, now: NOW }))!;
    expect(payments.checks.find((check) => check.id === 'codeowners')).toMatchObject({ status: 'pass', evidence: { file: 'CODEOWNERS' }, commitSha: head });
    expect(await countRows(db(), 'scorecard_snapshots')).toBe(1);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/test-db';
import { countRows } from '../helpers/table-snapshot';
import { evaluateScorecards } from '../../lib/scorecard/evaluate-scorecards';
import { getCheckSummary } from '../../lib/scorecard/get-check-summary';
import { getFactFileGlobs } from '../../lib/scorecard/get-fact-file-globs';
import { listCheckHistory } from '../../lib/scorecard/list-check-history';
import { listServiceScorecards } from '../../lib/scorecard/list-service-scorecards';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { recordExternalCheckResults } from '../../lib/scorecard/record-external-check-results';
import { createGitRepository, type GitRepository } from './helpers/git-repository';
import { daysBefore, deploymentRecord, factsRecord, importRecords, serviceRecord } from './helpers/ingest';

const NOW = new Date('2026-12-31T12:00:00Z');

const STANDARDS = `
version: 1
levels: [bronze, silver, gold]
checks:
  - id: codeowners
    title: Code owners are declared
    level: bronze
    category: ownership
    description: Who reviews changes to this service.
    fix: https://platform.example.com/docs/codeowners
    appliesTo: { lifecycle: [production] }
    rule: { fileExists: [CODEOWNERS, .github/CODEOWNERS, docs/CODEOWNERS] }
  - id: golden-deploy-workflow
    level: silver
    rule: { fileMatches: { path: ".github/workflows/*.yml", pattern: "uses: acme/platform/.+/deploy\\\\.yml@v[2-9]" } }
  - id: catalog-owner
    level: bronze
    rule: { catalog: { field: spec.owner, exists: true } }
  - id: catalog-tier
    level: silver
    rule: { catalog: { field: metadata.annotations.acme.com/tier, in: [1, 2] } }
  - id: protected-main
    level: silver
    rule: { branchProtection: { requiredReviews: 1 } }
  - id: tracing
    level: gold
    rule: { dependency: { name: "@opentelemetry/api", semverAtLeast: 1.5.0 } }
  - id: deploys-recently
    level: bronze
    rule: { deployedWithinDays: 30 }
  - id: sast
    level: silver
    rule: { external: { check: sast } }
exemptions:
  - { service: legacy-billing, check: codeowners, reason: "Decommissioned in Q1", expires: 2026-12-31 }
`;

const standards = parseStandards(STANDARDS, 'golden-path.yaml');
const globs = getFactFileGlobs(standards);

const catalog = (owner: string | null, tier: number) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n  annotations:\n    acme.com/tier: "${tier}"\nspec:\n  type: service\n${owner ? `  owner: ${owner}\n` : ''}`;

let payments: GitRepository;
let legacy: GitRepository;

beforeAll(() => {
  payments = createGitRepository({
    CODEOWNERS: '* @acme/core\n',
    'catalog-info.yaml': catalog('group:core', 1),
    '.github/workflows/release.yml': 'jobs:\n  build:\n    runs-on: ubuntu-latest\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@v2\n',
    'package.json': JSON.stringify({ dependencies: { '@opentelemetry/api': '~1.9.0' } }),
  });
  legacy = createGitRepository({
    'catalog-info.yaml': catalog(null, 3),
    '.github/workflows/release.yml': 'jobs:\n  deploy:\n    uses: acme/platform/.github/workflows/deploy.yml@v1\n',
    'package.json': JSON.stringify({ dependencies: { '@opentelemetry/api': '1.2.0' } }),
  });
});
afterAll(() => {
  payments.remove();
  legacy.remove();
});

const protection = { branch: 'main', enabled: true, requiredReviews: 2 };

const ingest = async (db: Parameters<typeof importRecords>[0]) => {
  await importRecords(db, [
    serviceRecord('payments'),
    serviceRecord('legacy-billing'),
    serviceRecord('sandbox', { lifecycle: 'experimental' }),
    serviceRecord('stale'),
    factsRecord('payments', daysBefore(NOW, 1), { repository: payments.readFacts(globs), branchProtection: protection }),
    factsRecord('legacy-billing', daysBefore(NOW, 1), { repository: legacy.readFacts(globs), branchProtection: { branch: 'main', enabled: true, requiredReviews: 0 } }),
    factsRecord('sandbox', daysBefore(NOW, 1), { repository: payments.readFacts(globs) }),
    // Collected once, 20 days ago, never confirmed since: older than scorecard.factsMaxAgeDays (14).
    factsRecord('stale', daysBefore(NOW, 20), { repository: payments.readFacts(globs), branchProtection: protection }),
    deploymentRecord('payments', daysBefore(NOW, 2)),
    deploymentRecord('legacy-billing', daysBefore(NOW, 40)),
    deploymentRecord('legacy-billing', daysBefore(NOW, 1), { status: 'failure' }),
    deploymentRecord('sandbox', daysBefore(NOW, 1), { environment: 'staging' }),
  ]);
  await recordExternalCheckResults({ db, standards, now: daysBefore(NOW, 1), reportedBy: 'ci', results: [{ service: 'payments', check: 'sast', status: 'pass', url: 'https://ci.example.com/runs/1' }] });
  await recordExternalCheckResults({ db, standards, now: daysBefore(NOW, 9), reportedBy: 'ci', results: [{ service: 'legacy-billing', check: 'sast', status: 'fail', details: '2 high findings' }] });
};

const statusesOf = async (db: Parameters<typeof importRecords>[0], now: Date) => {
  const cards = await listServiceScorecards({ db, standards, now });
  return Object.fromEntries(cards.map((card) => [card.service, { level: card.level, ...Object.fromEntries(card.checks.map((check) => [check.id, check.status])) } as Record<string, string>]));
};

describeEachBackend('a custom standards file with every rule kind', ({ db }) => {
  it('gives pass, fail, exempt, skip and unknown where each is due', async () => {
    await ingest(db());
    await evaluateScorecards({ db: db(), standards, now: NOW });
    const statuses = await statusesOf(db(), NOW);
    expect(statuses.payments).toEqual({
      level: 'gold',
      codeowners: 'pass',
      'catalog-owner': 'pass',
      'deploys-recently': 'pass',
      'golden-deploy-workflow': 'pass',
      'catalog-tier': 'pass',
      'protected-main': 'pass',
      sast: 'pass',
      tracing: 'pass',
    });
    expect(statuses['legacy-billing']).toEqual({
      level: 'unranked',
      codeowners: 'exempt',
      'catalog-owner': 'fail',
      'deploys-recently': 'fail',
      'golden-deploy-workflow': 'fail',
      'catalog-tier': 'fail',
      'protected-main': 'fail',
      // Reported 9 days ago: older than scorecard.externalResultMaxAgeDays (7), so it no longer counts.
      sast: 'unknown',
      tracing: 'fail',
    });
    expect(statuses.sandbox).toMatchObject({ codeowners: 'skip', 'deploys-recently': 'fail', 'protected-main': 'unknown', sast: 'unknown' });
    expect(statuses.stale).toMatchObject({ level: 'unranked', codeowners: 'unknown', 'catalog-owner': 'unknown', tracing: 'unknown', 'deploys-recently': 'fail' });

    const cards = new Map((await listServiceScorecards({ db: db(), standards, now: NOW })).map((card) => [card.service, card]));
    const check = (service: string, id: string) => cards.get(service)!.checks.find((candidate) => candidate.id === id)!;
    expect(check('legacy-billing', 'codeowners')).toMatchObject({
      exemption: { source: 'file', reason: 'Decommissioned in Q1', expires: '2026-12-31' },
      evidence: { underlyingStatus: 'fail' },
    });
    expect(check('legacy-billing', 'tracing').evidence.summary).toBe('package.json declares @opentelemetry/api, but 1.2.0 is older than 1.5.0');
    expect(check('legacy-billing', 'catalog-tier').evidence.summary).toBe('metadata.annotations.acme.com/tier is "3", not one of 1, 2 (catalog-info.yaml)');
    expect(check('payments', 'golden-deploy-workflow').evidence).toMatchObject({ file: '.github/workflows/release.yml', line: 5 });
    expect(check('payments', 'sast').evidence).toMatchObject({ reportedBy: 'ci', url: 'https://ci.example.com/runs/1' });
    expect(check('sandbox', 'codeowners').evidence.summary).toBe("Applies only to lifecycle production; this service's lifecycle is experimental");
    expect(check('stale', 'codeowners').evidence).toMatchObject({ reason: 'stale', confirmedOn: '2026-12-11' });
    expect(cards.get('payments')!.score).toBe(1);
    expect(cards.get('legacy-billing')!.score).toBe(0);

    const summary = new Map((await getCheckSummary({ db: db(), standards })).map((row) => [row.id, row]));
    expect(summary.get('codeowners')).toMatchObject({ title: 'Code owners are declared', category: 'ownership', counts: { pass: 1, fail: 0, exempt: 1, skip: 1, unknown: 1 }, applicable: 3, passRate: 0.3333 });
    expect(summary.get('sast')).toMatchObject({ counts: { pass: 1, fail: 0, exempt: 0, skip: 0, unknown: 3 }, applicable: 4, passRate: 0.25 });
  });

  it('stops applying an exemption the day after it expires, and the history says why the result changed', async () => {
    await ingest(db());
    await evaluateScorecards({ db: db(), standards, now: new Date('2026-12-31T23:00:00Z') });
    expect((await statusesOf(db(), NOW))['legacy-billing']!.codeowners).toBe('exempt');
    await evaluateScorecards({ db: db(), standards, now: new Date('2027-01-01T00:30:00Z') });
    expect((await statusesOf(db(), NOW))['legacy-billing']!.codeowners).toBe('fail');
    const history = await listCheckHistory({ db: db(), service: 'legacy-billing', check: 'codeowners' });
    expect(history[0]).toMatchObject({ status: 'fail', previousStatus: 'exempt', change: 'exemption', exemption: null, evaluatedAt: '2027-01-01T00:30:00.000Z' });
    expect(history[1]).toMatchObject({ status: 'exempt', exemption: { source: 'file', expires: '2026-12-31' } });
  });

  it('changing one check changes only that check\'s results, and the history shows a rule change', async () => {
    await ingest(db());
    await evaluateScorecards({ db: db(), standards, now: NOW });
    const before = await countRows(db(), 'check_results');

    // Editing words is not a rule change: nothing is written.
    const reworded = parseStandards(STANDARDS.replace('title: Code owners are declared', 'title: CODEOWNERS exists'), 'golden-path.yaml');
    expect(reworded.hash).toBe(standards.hash);
    expect((await evaluateScorecards({ db: db(), standards: reworded, now: new Date(NOW.getTime() + 60_000) })).written).toBe(0);

    // The deploy workflow must now be v3 or later.
    const stricter = parseStandards(STANDARDS.replace('deploy\\\\.yml@v[2-9]', 'deploy\\\\.yml@v[3-9]'), 'golden-path.yaml');
    const changedCheck = stricter.checks.find((check) => check.id === 'golden-deploy-workflow')!;
    expect(changedCheck.hash).not.toBe(standards.checks.find((check) => check.id === 'golden-deploy-workflow')!.hash);
    const result = await evaluateScorecards({ db: db(), standards: stricter, now: new Date(NOW.getTime() + 120_000) });
    // One new row per service, all for the changed check; 4 services.
    expect(result.written).toBe(4);
    expect(await countRows(db(), 'check_results')).toBe(before + 4);

    const history = await listCheckHistory({ db: db(), service: 'payments' });
    const latest = history.filter((entry) => entry.evaluatedAt === new Date(NOW.getTime() + 120_000).toISOString());
    expect(latest).toEqual([
      expect.objectContaining({ checkId: 'golden-deploy-workflow', status: 'fail', previousStatus: 'pass', change: 'rule', checkHash: changedCheck.hash }),
    ]);
    expect(latest[0]!.definition).toMatchObject({ rule: { fileMatches: { pattern: 'uses: acme/platform/.+/deploy\\.yml@v[3-9]' } } });
    expect((await statusesOf(db(), NOW)).payments!.level).toBe('bronze');
  });
});

import { describe, expect, it } from 'vitest';
import { computeScorecardSummary } from '../../lib/scorecard/compute-scorecard-summary';
import { evaluateCheck } from '../../lib/scorecard/evaluate-check';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { renderBadgeSvg } from '../../lib/scorecard/render-badge-svg';
import { findDependency } from '../../lib/scorecard/rules/find-dependency';
import type { RuleContext, ServiceInputs } from '../../lib/scorecard/scorecard-types';

const NOW = new Date('2026-11-20T12:00:00Z');

/** A context with the given repository files (path → content; null: in the tree, content not collected). */
const contextWith = (files: Record<string, string | null>, extra: Partial<ServiceInputs> = {}, repository: { truncated?: boolean } = {}): RuleContext => ({
  asOf: NOW,
  factsMaxAgeDays: 14,
  externalResultMaxAgeDays: 7,
  inputs: {
    service: { name: 'svc', team: 'core', lifecycle: 'production', tier: '1', tags: ['pci'] },
    facts: {
      repository: {
        kind: 'repository',
        source: 'test',
        status: 'ok',
        error: null,
        collectedAt: NOW,
        checkedAt: NOW,
        data: {
          headSha: 'abc123',
          paths: Object.keys(files),
          files: Object.fromEntries(Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== null)),
          truncated: repository.truncated ?? false,
        },
      },
    },
    lastDeployment: null,
    metrics: {},
    external: {},
    exemptions: [],
    ...extra,
  },
});

const checkOf = (rule: string, extra = '') => parseStandards(`version: 1\nlevels: [bronze]\nchecks:\n  - id: c\n    level: bronze\n${extra}    rule: ${rule}\n`, 't').checks[0]!;
const evaluate = (rule: string, context: RuleContext, extra = '') => evaluateCheck(checkOf(rule, extra), context);

describe('rule evaluators', () => {
  it('fileExists and fileMatches: evidence, truncated trees and uncollected contents are unknown, not fail', () => {
    expect(evaluate('{ fileExists: ["docs/*.md"] }', contextWith({ 'docs/runbook.md': '' }))).toMatchObject({ status: 'pass', evidence: { file: 'docs/runbook.md' }, commitSha: 'abc123' });
    expect(evaluate('{ fileExists: SECURITY.md }', contextWith({ 'a.txt': '' }, {}, { truncated: true })).status).toBe('unknown');
    expect(evaluate('{ fileExists: README.md }', contextWith({ 'Readme.md': '' }))).toMatchObject({ status: 'pass', evidence: { file: 'Readme.md' } });
    expect(evaluate('{ fileExists: [CODEOWNERS, .github/CODEOWNERS] }', contextWith({ '.github/codeowners': '' }))).toMatchObject({ status: 'pass', evidence: { file: '.github/codeowners' } });
    expect(evaluate('{ fileExists: README.md }', contextWith({ 'READ_ME.md': '' })).status).toBe('fail');
    const rule = '{ fileMatches: { path: "Dockerfile*", pattern: "^FROM acme/base:(2|3)" } }';
    expect(evaluate(rule, contextWith({ Dockerfile: '# base\nFROM acme/base:3.1\n' })).evidence).toMatchObject({ file: 'Dockerfile', line: 2, text: 'FROM acme/base:3.1' });
    expect(evaluate(rule, contextWith({ Dockerfile: 'FROM acme/base:1\n' })).status).toBe('fail');
    expect(evaluate(rule, contextWith({ Dockerfile: 'FROM acme/base:1\n', 'Dockerfile.dev': null }))).toMatchObject({ status: 'unknown', evidence: { reason: 'content-missing', files: ['Dockerfile.dev'] } });
  });

  it('catalog: dotted annotation keys, every operator, a catalog fact before catalog-info.yaml, broken YAML fails with its line', () => {
    const catalogFile = 'kind: Component\nmetadata:\n  name: svc\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  owner: group:core\n  lifecycle: production\n  version: 2.3.1\n';
    const context = contextWith({ 'catalog-info.yaml': catalogFile });
    expect(evaluate('{ catalog: { field: metadata.annotations.backstage.io/techdocs-ref, exists: true } }', context).status).toBe('pass');
    expect(evaluate('{ catalog: { field: metadata.annotations.pagerduty.com/service-id, exists: false } }', context).status).toBe('pass');
    expect(evaluate('{ catalog: { field: spec.owner, matches: "^group:" } }', context).status).toBe('pass');
    expect(evaluate('{ catalog: { field: spec.lifecycle, equals: experimental } }', context).evidence.summary).toBe('spec.lifecycle is "production", not "experimental" (catalog-info.yaml)');
    expect(evaluate('{ catalog: { field: spec.version, semverAtLeast: 2.10.0 } }', context).status).toBe('fail');
    expect(evaluate('{ catalog: { field: spec.version, semverAtLeast: "2.3" } }', context).status).toBe('pass');
    const broken = evaluate('{ catalog: { field: spec.owner, exists: true } }', contextWith({ 'catalog-info.yaml': 'spec:\n  owner: [unclosed\n' }));
    expect(broken).toMatchObject({ status: 'fail', evidence: { file: 'catalog-info.yaml' } });
    expect(broken.evidence.summary).toMatch(/^catalog-info.yaml line \d+ is not valid YAML/);
    const withFact = contextWith({}, {});
    withFact.inputs.facts.catalog = { kind: 'catalog', source: 'github', status: 'ok', error: null, collectedAt: NOW, checkedAt: NOW, data: { metadata: { name: 'svc' }, spec: { owner: 'group:payments' } } };
    expect(evaluate('{ catalog: { field: spec.owner, in: ["group:payments"] } }', withFact)).toMatchObject({ status: 'pass', evidence: { source: 'catalog' } });
    withFact.inputs.facts.catalog = { ...withFact.inputs.facts.catalog, status: 'error', error: 'HTTP 500 token ghp_abcdefghijklmnopqrstuvwxyz0123456789', data: null };
    const failed = evaluate('{ catalog: { field: spec.owner, exists: true } }', withFact);
    expect(failed).toMatchObject({ status: 'unknown', evidence: { reason: 'collection-failed' } });
    expect(JSON.stringify(failed)).not.toContain('ghp_');
  });

  it('branchProtection lists every unmet setting', () => {
    const context = contextWith({});
    // Read from git alone: unknown, naming the source that could know, never a fail.
    expect(evaluate('{ branchProtection: { requiredReviews: 1 } }', context)).toMatchObject({
      status: 'unknown',
      evidence: { reason: 'missing', summary: expect.stringMatching(/^Branch protection is kept by the forge, not in git: .*waymark ingest github/) },
    });
    context.inputs.facts.branch_protection = {
      kind: 'branch_protection',
      source: 'github',
      status: 'ok',
      error: null,
      collectedAt: NOW,
      checkedAt: NOW,
      data: { branch: 'main', enabled: true, requiredReviews: 1, requireCodeOwnerReviews: false, requiredStatusChecks: ['ci'], enforceAdmins: false, allowForcePushes: true, allowDeletions: false },
    };
    const outcome = evaluate('{ branchProtection: { requiredReviews: 2, allowForcePushes: false, requiredStatusChecks: [ci, e2e] } }', context);
    expect(outcome).toMatchObject({ status: 'fail', evidence: { unmet: ['1 required review (needs 2)', 'allowForcePushes is true (needs false)', 'status checks not required: e2e'] } });
    expect(evaluate('{ branchProtection: { requiredReviews: 1 } }', context).status).toBe('pass');
  });

  it('dependency: npm sections, go.mod, requirements.txt, pyproject.toml, versions', () => {
    expect(findDependency('package.json', '{\n  "devDependencies": {\n    "left-pad": "^1.3.0"\n  }\n}', 'left-pad')).toEqual({ found: { section: 'devDependencies', version: '^1.3.0', line: 3 } });
    expect(findDependency('package.json', '{ nope', 'x')).toMatchObject({ invalid: expect.stringContaining('not valid JSON') });
    expect(findDependency('go.mod', 'module a\n\nrequire (\n\tgo.opentelemetry.io/otel v1.28.0\n)\n', 'go.opentelemetry.io/otel')).toEqual({ found: { section: 'require', version: 'v1.28.0', line: 4 } });
    expect(findDependency('go.mod', 'require go.opentelemetry.io/otel/trace v1.0.0\n', 'go.opentelemetry.io/otel')).toEqual({ notFound: true });
    expect(findDependency('requirements.txt', 'flask==3.0\nOpenTelemetry_API>=1.25 ; python_version > "3.8"\n', 'opentelemetry-api')).toMatchObject({ found: { version: '>=1.25', line: 2 } });
    expect(findDependency('pyproject.toml', '[project]\ndependencies = ["requests", "opentelemetry-api>=1.20"]\n', 'opentelemetry-api')).toMatchObject({ found: { version: '>=1.20', line: 2 } });
    expect(findDependency('pyproject.toml', '[tool.poetry.dependencies]\nopentelemetry-api = "^1.22"\n', 'opentelemetry-api')).toMatchObject({ found: { version: '^1.22', line: 2 } });
    const context = contextWith({ 'package.json': '{"dependencies":{"@opentelemetry/api":"workspace:*"}}' });
    expect(evaluate('{ dependency: { name: "@opentelemetry/api", semverAtLeast: 1.0.0 } }', context).evidence.summary).toBe('package.json declares @opentelemetry/api, but version workspace:* cannot be compared');
    expect(evaluate('{ dependency: { name: "@opentelemetry/api" } }', contextWith({ 'src/a.ts': '' })).evidence.summary).toBe('No package manifest (package.json, go.mod, requirements.txt, pyproject.toml) in the repository');
  });

  it('metric and external rules: no samples and no recent result are unknown', () => {
    const metrics = { 30: { leadTimeP50Hours: 30.123456, leadTimeP90Hours: null, deploymentsPerDay: 2, changeFailureRate: null, recoveryTimeP50Hours: null, timeToRestoreP50Hours: null, reworkRate: 0 } };
    const context = contextWith({}, { metrics });
    expect(evaluate('{ metric: { name: leadTimeP50Hours, below: 24 } }', context)).toMatchObject({ status: 'fail', evidence: { value: 30.1235, windowDays: 30, below: 24 } });
    expect(evaluate('{ metric: { name: deploymentsPerDay, above: 1 } }', context).status).toBe('pass');
    expect(evaluate('{ metric: { name: changeFailureRate, below: 0.15 } }', context)).toMatchObject({ status: 'unknown', evidence: { reason: 'no-samples' } });
    expect(evaluate('{ metric: { name: reworkRate, below: 0.1, windowDays: 7 } }', context)).toMatchObject({ status: 'unknown', evidence: { reason: 'missing' } });
    const external = { sast: { status: 'fail', details: '3 findings', url: null, reportedAt: new Date('2026-11-10T00:00:00Z'), reportedBy: 'ci' } };
    expect(evaluate('{ external: { check: sast } }', contextWith({}, { external })).status).toBe('unknown');
    expect(evaluate('{ external: { check: sast, maxAgeDays: 30 } }', contextWith({}, { external }))).toMatchObject({ status: 'fail', evidence: { details: '3 findings' } });
  });

  it('appliesTo selects by lifecycle, team, tier and tags; exemptions turn fail or unknown into exempt, never a pass', () => {
    const context = contextWith({});
    expect(evaluate('{ fileExists: X }', context, '    appliesTo: { tier: [1, 2], tags: [pci] }\n').status).toBe('fail');
    expect(evaluate('{ fileExists: X }', context, '    appliesTo: { team: platform }\n')).toMatchObject({ status: 'skip', evidence: { summary: "Applies only to team platform; this service's team is core" } });
    expect(evaluate('{ fileExists: X }', context, '    appliesTo: { tags: [public] }\n').status).toBe('skip');
    const exempted = contextWith({ X: '' }, { exemptions: [{ id: 'e1', source: 'api', service: 'svc', check: 'c', reason: 'migrating', expires: '2026-12-01', createdBy: 'lead', createdAt: null }] });
    expect(evaluate('{ fileExists: X }', exempted)).toMatchObject({ status: 'pass', exemption: { id: 'e1' } });
    expect(evaluate('{ fileExists: Y }', exempted)).toMatchObject({ status: 'exempt', evidence: { underlyingStatus: 'fail', summary: 'Exempt until 2026-12-01: migrating (fail: None of Y exists)' } });
  });
});

describe('levels and score', () => {
  const levels = ['bronze', 'silver', 'gold'];
  it('are cumulative: a failing or unknown lower check caps the level whatever passes above', () => {
    const summary = (statuses: Array<[string, string]>) => computeScorecardSummary(levels, statuses.map(([level, status]) => ({ level, status: status as 'pass' })));
    expect(summary([['bronze', 'pass'], ['silver', 'pass'], ['gold', 'fail']]).level).toBe('silver');
    expect(summary([['bronze', 'fail'], ['silver', 'pass'], ['gold', 'pass']]).level).toBe('unranked');
    expect(summary([['bronze', 'exempt'], ['silver', 'unknown'], ['gold', 'pass']]).level).toBe('bronze');
    expect(summary([['bronze', 'pass'], ['silver', 'skip'], ['gold', 'pass']]).level).toBe('gold');
    expect(summary([['bronze', 'skip'], ['silver', 'skip']])).toMatchObject({ level: 'unranked', score: null });
    // passes / (applicable - exempt): 2 / (5 - 1), unknown counted against.
    expect(summary([['bronze', 'pass'], ['bronze', 'pass'], ['silver', 'fail'], ['silver', 'unknown'], ['gold', 'exempt'], ['gold', 'skip']]).score).toBe(0.5);
  });

  it('render into a badge with the level and an escaped name', () => {
    const svg = renderBadgeSvg({ service: 'a<b>&"c"', level: 'silver', levels });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="a&#60;b&#62;&#38;&#34;c&#34;: silver">/);
    expect(svg).toContain('>silver</text>');
    expect(svg).toContain('#7b8590');
    expect(svg).not.toContain('<b>');
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetConfig } from '../../lib/config/load-config';
import { DEFAULT_STANDARDS_YAML } from '../../lib/scorecard/default-standards';
import { getFactFileGlobs } from '../../lib/scorecard/get-fact-file-globs';
import { getStandards } from '../../lib/scorecard/get-standards';
import { parseStandards } from '../../lib/scorecard/parse-standards';
import { problemsOf } from '../helpers/standards-problems';

const VALID = `version: 1
levels: [bronze, silver]
checks:
  - id: readme
    level: bronze
    rule: { fileExists: README.md }
  - id: protected-main
    level: silver
    rule:
      branchProtection:
        requiredReviews: 1
`;

describe('parseStandards', () => {
  it('reads the built-in standards with the documented ids, levels and texts', () => {
    const standards = parseStandards(DEFAULT_STANDARDS_YAML, 'built-in');
    expect(standards.levels).toEqual(['bronze', 'silver', 'gold']);
    expect(standards.checks.map((check) => [check.id, check.level])).toEqual([
      ['codeowners', 'bronze'],
      ['catalog-owner', 'bronze'],
      ['readme', 'bronze'],
      ['deploys-recently', 'bronze'],
      ['golden-deploy-workflow', 'silver'],
      ['protected-main', 'silver'],
      ['dependency-updates', 'silver'],
      ['tracing', 'gold'],
      ['fast-lead-time', 'gold'],
      ['low-change-failure', 'gold'],
    ]);
    for (const check of standards.checks) {
      expect(check.title).not.toBe(check.id);
      expect(check.description && check.fix && check.category !== 'general').toBeTruthy();
      // Fix texts are read by every organization: they name none (the demo's was `@acme/payments-team`).
      expect(check.fix).not.toMatch(/acme|payments-team/i);
    }
    const workflow = standards.checks.find((check) => check.id === 'golden-deploy-workflow')!;
    expect(new RegExp(workflow.rule.fileMatches!.pattern).test('      uses: acme-corp/platform/.github/workflows/deploy.yaml@v2.1')).toBe(true);
    expect(new RegExp(workflow.rule.fileMatches!.pattern).test('      uses: acme-corp/platform/.github/workflows/deploy.yml@v1')).toBe(false);
  });

  it('reads the documented example file', () => {
    const example = parseStandards(readFileSync(new URL('../../golden-path.example.yaml', import.meta.url), 'utf8'), 'golden-path.example.yaml');
    expect(example.checks.length).toBeGreaterThan(5);
    expect(example.exemptions).toEqual([expect.objectContaining({ service: 'legacy-billing', check: 'codeowners', expires: '2026-12-31' })]);
  });

  it('names the file, line, check id and key of every problem', () => {
    const source = `version: 1
levels: [bronze, silver]
checks:
  - id: readme
    level: bronze
    rule: { fileExists: README.md }
  - id: protected-main
    level: platinum
    titel: Protected
    rule:
      branchProtection:
        requiredReviews: one
  - id: deploy
    level: silver
    rule: { fileMatches: { path: ".github/workflows/*.yml", pattern: "uses: (unclosed" } }
  - id: readme
    level: bronze
    rule: { fileExist: README.md }
exemptions:
  - { service: legacy, check: codeowners, reason: old, expires: 2026-13-45 }
`;
    expect(problemsOf(source)).toEqual([
      'golden-path.yaml line 9: check "protected-main" (checks[1]): titel: unknown key "titel"',
      'golden-path.yaml line 12: check "protected-main" (checks[1]): rule.branchProtection.requiredReviews: Invalid input: expected number, received string',
      'golden-path.yaml line 15: check "deploy" (checks[2]): rule.fileMatches.pattern: not a valid regular expression',
      `golden-path.yaml line 18: check "readme" (checks[3]): rule: unknown rule kind "fileExist"; expected one of fileExists, fileMatches, catalog, branchProtection, dependency, deployedWithinDays, metric, external`,
      'golden-path.yaml line 20: exemptions[0] (legacy/codeowners): expires: expected a date, YYYY-MM-DD',
    ]);
  });

  it('checks what one key cannot: levels named, ids unique, exemptions of known checks, one rule per check', () => {
    const source = VALID.replace('level: silver', 'level: platinum').replace('id: protected-main', 'id: readme') + 'exemptions:\n  - { service: a, check: nope, reason: r, expires: 2026-12-31 }\n';
    expect(problemsOf(source)).toEqual([
      'golden-path.yaml line 7: check "readme" (checks[1]): id: duplicate id; checks[0] already uses it',
      'golden-path.yaml line 8: check "readme" (checks[1]): level: "platinum" is not one of the levels (bronze, silver)',
      'golden-path.yaml line 13: exemptions[0] (a/nope): check: no check has the id "nope"',
    ]);
    expect(problemsOf(VALID.replace('rule: { fileExists: README.md }', 'rule: { fileExists: README.md, deployedWithinDays: 30 }'))).toEqual([
      'golden-path.yaml line 6: check "readme" (checks[0]): rule: needs exactly one of fileExists, fileMatches, catalog, branchProtection, dependency, deployedWithinDays, metric, external (has fileExists, deployedWithinDays)',
    ]);
    expect(problemsOf('version: 1\nlevels: [bronze]\nchecks:\n  - id: a\n    level: bronze\n    rule: { metric: { name: leadTime, below: 1 } }\n')[0]).toMatch(/^golden-path.yaml line 6: check "a" \(checks\[0\]\): rule.metric.name: Invalid option: expected one of "leadTimeP50Hours"/);
    expect(problemsOf('levels: [\n')[0]).toMatch(/^golden-path.yaml line \d+: /);
  });

  it('hashes what decides a result, not the words around it', () => {
    const base = parseStandards(VALID, 'a');
    const reworded = parseStandards(VALID.replace('id: readme\n', 'id: readme\n    title: Has a README\n    fix: Write one\n'), 'a');
    const changed = parseStandards(VALID.replace('requiredReviews: 1', 'requiredReviews: 2'), 'a');
    expect(reworded.checks.map((check) => check.hash)).toEqual(base.checks.map((check) => check.hash));
    expect(reworded.revision).not.toBe(base.revision);
    expect(changed.checks[0]!.hash).toBe(base.checks[0]!.hash);
    expect(changed.checks[1]!.hash).not.toBe(base.checks[1]!.hash);
    expect(changed.hash).not.toBe(base.hash);
  });
});

describe('getStandards and getFactFileGlobs', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-standards-'));
    folders.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
    delete process.env.WAYMARK_STANDARDS;
    resetConfig();
  });

  it('uses ./golden-path.yaml when present, the built-in set otherwise, and re-reads an edited file', () => {
    const dir = folder();
    expect(getStandards({ cwd: dir }).origin).toBe('built-in');
    writeFileSync(join(dir, 'golden-path.yaml'), VALID);
    const first = getStandards({ cwd: dir });
    expect(first.origin).toBe(join(dir, 'golden-path.yaml'));
    expect(first.checks.map((check) => check.id)).toEqual(['readme', 'protected-main']);
    writeFileSync(join(dir, 'golden-path.yaml'), VALID.replace('requiredReviews: 1', 'requiredReviews: 2'));
    expect(getStandards({ cwd: dir }).hash).not.toBe(first.hash);
  });

  it('follows WAYMARK_STANDARDS, and refuses a path that does not exist or a broken file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'standards.yaml'), VALID);
    process.env.WAYMARK_STANDARDS = 'standards.yaml';
    resetConfig();
    expect(getStandards({ cwd: dir }).checks).toHaveLength(2);
    process.env.WAYMARK_STANDARDS = 'missing.yaml';
    resetConfig();
    expect(() => getStandards({ cwd: dir })).toThrow(/missing.yaml does not exist/);
    writeFileSync(join(dir, 'standards.yaml'), VALID.replace('level: silver', 'level: gold'));
    process.env.WAYMARK_STANDARDS = 'standards.yaml';
    resetConfig();
    expect(() => getStandards({ cwd: dir })).toThrow(/Invalid standards file/);
  });

  it('asks sources for the files the standards read, besides the shared defaults', () => {
    const standards = parseStandards(
      `version: 1
levels: [bronze]
checks:
  - { id: a, level: bronze, rule: { fileMatches: { path: [deploy/*.yaml, Dockerfile], pattern: "FROM" } } }
  - { id: b, level: bronze, rule: { dependency: { name: spring-boot, manifests: services/*/pom.xml } } }
  - { id: c, level: bronze, rule: { fileExists: docs/runbook.md } }
`,
      'a',
    );
    const globs = getFactFileGlobs(standards);
    expect(globs).toEqual(expect.arrayContaining(['CODEOWNERS', 'deploy/*.yaml', 'Dockerfile', 'services/*/pom.xml']));
    expect(globs).not.toContain('docs/runbook.md');
    expect(new Set(globs).size).toBe(globs.length);
  });
});

import { evaluateBranchProtectionRule } from './rules/evaluate-branch-protection-rule';
import { evaluateCatalogRule } from './rules/evaluate-catalog-rule';
import { evaluateDependencyRule } from './rules/evaluate-dependency-rule';
import { evaluateDeployedWithinDaysRule } from './rules/evaluate-deployed-within-days-rule';
import { evaluateExternalRule } from './rules/evaluate-external-rule';
import { evaluateFileExistsRule } from './rules/evaluate-file-exists-rule';
import { evaluateFileMatchesRule } from './rules/evaluate-file-matches-rule';
import { evaluateMetricRule } from './rules/evaluate-metric-rule';
import type { AppliesTo, Check, Rule } from './standards-schema';
import type { CheckOutcome, RuleContext, RuleOutcome, ServiceDescription } from './scorecard-types';

const evaluateRule = (rule: Rule, context: RuleContext): RuleOutcome => {
  if (rule.fileExists) return evaluateFileExistsRule(rule.fileExists, context);
  if (rule.fileMatches) return evaluateFileMatchesRule(rule.fileMatches, context);
  if (rule.catalog) return evaluateCatalogRule(rule.catalog, context);
  if (rule.branchProtection) return evaluateBranchProtectionRule(rule.branchProtection, context);
  if (rule.dependency) return evaluateDependencyRule(rule.dependency, context);
  if (rule.deployedWithinDays !== undefined) return evaluateDeployedWithinDaysRule(rule.deployedWithinDays, context);
  if (rule.metric) return evaluateMetricRule(rule.metric, context);
  if (rule.external) return evaluateExternalRule(rule.external, context);
  throw new Error(`a rule without a known kind reached evaluation: ${JSON.stringify(rule)}`);
};

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Why the check does not apply to the service, or null when it does. A service that does not say (no lifecycle) is not selected. */
const findMismatch = (appliesTo: AppliesTo | undefined, service: ServiceDescription): string | null => {
  if (!appliesTo) return null;
  const single: Array<['lifecycle' | 'team' | 'tier', string[] | undefined]> = [
    ['lifecycle', appliesTo.lifecycle],
    ['team', appliesTo.team],
    ['tier', appliesTo.tier],
  ];
  for (const [key, wanted] of single) {
    if (!wanted) continue;
    const actual = service[key];
    if (actual === null || !wanted.some((value) => same(value, actual))) {
      return `Applies only to ${key} ${wanted.join(' or ')}; this service's ${key} is ${actual === null ? 'not known' : actual}`;
    }
  }
  if (appliesTo.tags && !appliesTo.tags.some((tag) => (service.tags ?? []).some((own) => same(own, tag)))) {
    return `Applies only to services tagged ${appliesTo.tags.join(' or ')}`;
  }
  return null;
};

/**
 * One check for one service: `skip` when it does not apply, otherwise the rule's pass / fail / unknown, turned
 * into `exempt` by an active exemption. A check that passes stays `pass` even when exempted (the exemption is
 * still reported, so owners can see it is no longer needed).
 */
export const evaluateCheck = (check: Check, context: RuleContext): CheckOutcome => {
  const service = context.inputs.service;
  const base = { service: service.name, checkId: check.id, checkHash: check.hash, level: check.level };
  const mismatch = findMismatch(check.appliesTo, service);
  if (mismatch) return { ...base, status: 'skip', evidence: { summary: mismatch }, exemption: null, factsCollectedAt: null, commitSha: null };
  const outcome = evaluateRule(check.rule, context);
  const exemption =
    context.inputs.exemptions
      .filter((candidate) => candidate.check === check.id)
      // When both the file and the API exempt a check, the one that lasts longer is the one in force.
      .sort((a, b) => b.expires.localeCompare(a.expires))[0] ?? null;
  const exempted = exemption !== null && outcome.status !== 'pass';
  return {
    ...base,
    status: exempted ? 'exempt' : outcome.status,
    evidence: exempted ? { ...outcome.evidence, summary: `Exempt until ${exemption.expires}: ${exemption.reason} (${outcome.status}: ${outcome.evidence.summary})`, underlyingStatus: outcome.status } : outcome.evidence,
    exemption,
    factsCollectedAt: outcome.fact?.collectedAt ?? null,
    commitSha: outcome.commitSha ?? null,
  };
};

import type { RuleOf } from '../standards-schema';
import type { RuleContext, RuleOutcome } from '../scorecard-types';
import { readFreshFact } from './read-fresh-fact';

/** Passes when the default branch is protected with at least the settings the rule names. */
export const evaluateBranchProtectionRule = (rule: RuleOf<'branchProtection'>, context: RuleContext): RuleOutcome => {
  const protection = readFreshFact(context, 'branch_protection');
  if ('unknown' in protection) return protection.unknown;
  const { data, fact } = protection;
  const unmet: string[] = [];
  if (!data.enabled) unmet.push('the branch is not protected');
  if (rule.requiredReviews !== undefined && data.requiredReviews < rule.requiredReviews) {
    unmet.push(`${data.requiredReviews} required review${data.requiredReviews === 1 ? '' : 's'} (needs ${rule.requiredReviews})`);
  }
  for (const key of ['requireCodeOwnerReviews', 'enforceAdmins', 'allowForcePushes', 'allowDeletions'] as const) {
    if (rule[key] !== undefined && data[key] !== rule[key]) unmet.push(`${key} is ${data[key]} (needs ${rule[key]})`);
  }
  const missingChecks = (rule.requiredStatusChecks ?? []).filter((name) => !data.requiredStatusChecks.includes(name));
  if (missingChecks.length > 0) unmet.push(`status checks not required: ${missingChecks.join(', ')}`);
  const settings = {
    enabled: data.enabled,
    requiredReviews: data.requiredReviews,
    requireCodeOwnerReviews: data.requireCodeOwnerReviews,
    requiredStatusChecks: data.requiredStatusChecks,
    enforceAdmins: data.enforceAdmins,
    allowForcePushes: data.allowForcePushes,
    allowDeletions: data.allowDeletions,
  };
  if (unmet.length === 0) return { status: 'pass', fact, evidence: { summary: `${data.branch} is protected as required`, branch: data.branch, settings } };
  return { status: 'fail', fact, evidence: { summary: `${data.branch}: ${unmet.join('; ')}`, branch: data.branch, unmet, settings } };
};

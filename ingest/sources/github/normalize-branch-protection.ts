import type { BranchProtectionFacts } from '../../../lib/domain/facts';

type Rule = { type: string; parameters?: Record<string, unknown> };

export type BranchProtectionInput = {
  branch: string;
  /** The classic protection answer, or null when GitHub said the branch is not protected. */
  classic: Record<string, unknown> | null;
  /** The active rules (rulesets) of the branch. */
  rules: Rule[];
};

const enabledFlag = (value: unknown) => Boolean((value as { enabled?: boolean } | null | undefined)?.enabled);

/**
 * Classic protection and rulesets of the default branch, merged into one fact: the strictest of both wins. A branch
 * with neither is a real fact with `enabled: false`, not an error.
 */
export const normalizeBranchProtection = ({ branch, classic, rules }: BranchProtectionInput): BranchProtectionFacts => {
  const reviews = classic?.required_pull_request_reviews as Record<string, unknown> | undefined;
  const checks = classic?.required_status_checks as { contexts?: string[]; checks?: { context: string }[] } | undefined;
  const pullRequestRule = rules.find((rule) => rule.type === 'pull_request')?.parameters ?? {};
  const statusRule = rules.find((rule) => rule.type === 'required_status_checks')?.parameters as { required_status_checks?: { context: string }[] } | undefined;
  const contexts = new Set([...(checks?.contexts ?? []), ...(checks?.checks ?? []).map((check) => check.context), ...(statusRule?.required_status_checks ?? []).map((check) => check.context)]);
  return {
    branch,
    enabled: classic !== null || rules.length > 0,
    requiredReviews: Math.max(Number(reviews?.required_approving_review_count ?? 0), Number(pullRequestRule.required_approving_review_count ?? 0)),
    requireCodeOwnerReviews: Boolean(reviews?.require_code_owner_reviews) || Boolean(pullRequestRule.require_code_owner_review),
    requiredStatusChecks: [...contexts].sort(),
    enforceAdmins: enabledFlag(classic?.enforce_admins),
    // With rulesets, force pushes and deletions are allowed unless a rule forbids them.
    allowForcePushes: classic ? enabledFlag(classic.allow_force_pushes) && !rules.some((rule) => rule.type === 'non_fast_forward') : !rules.some((rule) => rule.type === 'non_fast_forward'),
    allowDeletions: classic ? enabledFlag(classic.allow_deletions) && !rules.some((rule) => rule.type === 'deletion') : !rules.some((rule) => rule.type === 'deletion'),
  };
};

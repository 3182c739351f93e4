import type { RuleOf } from '../standards-schema';
import type { RuleContext, RuleOutcome } from '../scorecard-types';
import { DAY_MS } from '../../format/time-units';


/** The latest result CI pushed under this name counts while it is younger than the configured age. */
export const evaluateExternalRule = (rule: RuleOf<'external'>, context: RuleContext): RuleOutcome => {
  const result = context.inputs.external[rule.check];
  const maxAgeDays = rule.maxAgeDays ?? context.externalResultMaxAgeDays;
  if (!result) return { status: 'unknown', evidence: { summary: `No result has been reported for "${rule.check}"`, reason: 'missing', check: rule.check } };
  const reportedAt = result.reportedAt.toISOString();
  const evidence = { check: rule.check, result: result.status, reportedAt, reportedBy: result.reportedBy, details: result.details, url: result.url };
  if (context.asOf.getTime() - result.reportedAt.getTime() > maxAgeDays * DAY_MS) {
    return { status: 'unknown', evidence: { summary: `The latest "${rule.check}" result (${result.status}, ${reportedAt}) is older than ${maxAgeDays} days`, reason: 'stale', ...evidence } };
  }
  const status = result.status === 'pass' ? 'pass' : 'fail';
  return { status, evidence: { summary: `"${rule.check}" reported ${result.status} at ${reportedAt}${result.details ? `: ${result.details.slice(0, 200)}` : ''}`, ...evidence } };
};

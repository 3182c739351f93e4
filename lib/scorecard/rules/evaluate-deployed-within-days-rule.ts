import type { RuleContext, RuleOutcome } from '../scorecard-types';
import { DAY_MS } from '../../format/time-units';


/**
 * Passes when a successful production deployment (metrics.productionEnvironmentPattern) finished within the last
 * `days` days. A service that never deployed fails: deployments are Waymark's own data, so "none" is an answer.
 */
export const evaluateDeployedWithinDaysRule = (days: number, context: RuleContext): RuleOutcome => {
  const last = context.inputs.lastDeployment;
  if (!last) return { status: 'fail', evidence: { summary: 'No successful production deployment has been recorded' } };
  const finishedAt = last.finishedAt.toISOString();
  const evidence = { deploymentId: last.id, environment: last.environment, finishedAt };
  if (context.asOf.getTime() - last.finishedAt.getTime() <= days * DAY_MS) {
    return { status: 'pass', evidence: { summary: `Last production deployment finished ${finishedAt}`, ...evidence } };
  }
  return { status: 'fail', evidence: { summary: `The last production deployment finished ${finishedAt}, more than ${days} days ago`, ...evidence } };
};

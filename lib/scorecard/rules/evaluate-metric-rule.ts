import type { RuleOf } from '../standards-schema';
import type { RuleContext, RuleOutcome } from '../scorecard-types';

// Figures are stored as evidence; rounding keeps noise in the last digits from writing new history rows.
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Compares one DORA figure over the last `windowDays` days with a threshold; a figure without samples is unknown. */
export const evaluateMetricRule = (rule: RuleOf<'metric'>, context: RuleContext): RuleOutcome => {
  const figures = context.inputs.metrics[rule.windowDays];
  const threshold = rule.below ?? rule.above!;
  const comparison = rule.below !== undefined ? 'below' : 'above';
  const base = { metric: rule.name, windowDays: rule.windowDays, [comparison]: threshold };
  if (!figures) return { status: 'unknown', evidence: { summary: 'Delivery metrics are not available', reason: 'missing', ...base } };
  const raw = figures[rule.name];
  if (raw === null || raw === undefined || !Number.isFinite(raw)) {
    return { status: 'unknown', evidence: { summary: `No samples for ${rule.name} in the last ${rule.windowDays} days`, reason: 'no-samples', ...base } };
  }
  const value = round(raw);
  const passes = comparison === 'below' ? raw < threshold : raw > threshold;
  const summary = `${rule.name} over the last ${rule.windowDays} days is ${value} (${passes ? '' : 'not '}${comparison} ${threshold})`;
  return { status: passes ? 'pass' : 'fail', evidence: { summary, value, ...base } };
};

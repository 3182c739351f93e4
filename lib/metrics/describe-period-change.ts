import type { PeriodChange } from './compare-periods';
import type { MetricsWindow } from './metrics-types';

/** The period just before a window, of the same length: what "vs previous 90 days" compares with. */
export const toPreviousWindow = (window: MetricsWindow): MetricsWindow => ({
  from: new Date(2 * window.from.getTime() - window.to.getTime()),
  to: window.from,
});

/**
 * A figure against the previous period, in words, the same on pages and in the CLI: "↑ 12 % vs previous 90 days
 * (better)", "No clear change vs previous 90 days", "Not enough data to compare (n = 3 and 5)". Rates move in
 * percentage points.
 */
export const describePeriodChange = (change: PeriodChange, days: number): string => {
  const period = `previous ${days} days`;
  if (change.kind === 'not-enough-data') return `Not enough data to compare (n = ${change.n[0]} and ${change.n[1]})`;
  if (change.kind === 'no-clear-change') return `No clear change vs ${period}`;
  const amount = `${change.amount.toLocaleString('en-US')} ${change.unit === 'points' ? 'points' : '%'}`;
  return `${change.up ? '↑' : '↓'} ${amount} vs ${period} (${change.better ? 'better' : 'worse'})`;
};

import { describe, expect, it } from 'vitest';
import { getBenchmarkGroup } from '../../lib/metrics/get-benchmark-group';
import type { DoraCell } from '../../lib/metrics/metrics-types';
import { pickMetricScore } from '../../lib/metrics/pick-metric-score';
import { shapeDoraMetrics } from '../../lib/metrics/shape-dora-metrics';
import { summarizeServiceSpread } from '../../lib/metrics/summarize-service-spread';
import { HOUR_SECONDS } from '../../lib/format/time-units';

const WINDOW = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const MODEL = { edition: '2025' as const, benchmark: getBenchmarkGroup('industry:all') };

const EMPTY: DoraCell = {
  w: 0, g: '', deployments: 0, failed: 0, recovered: 0, recoveryP50: null, rework: 0, changes: 0, leadP50: null,
  leadP90: null, fullWeeks: 0, weekMedian: null, fullMonths: 0, monthMedian: null, incidents: 0, restoreP50: null,
};

const row = (service: string, cell: Partial<DoraCell>) => {
  const { scope: _scope, window: _window, ...figures } = shapeDoraMetrics({ ...EMPTY, ...cell, g: service }, { service }, WINDOW, MODEL);
  return { service, ...figures };
};

describe('summarizeServiceSpread', () => {
  const rows = [
    row('fast', { changes: 40, leadP50: 2 * HOUR_SECONDS, leadP90: 5 * HOUR_SECONDS, deployments: 60, failed: 3 }),
    row('slow', { changes: 12, leadP50: 20 * 24 * HOUR_SECONDS, leadP90: 40 * 24 * HOUR_SECONDS, deployments: 25, failed: 10 }),
    row('middling', { changes: 30, leadP50: 30 * HOUR_SECONDS, leadP90: 60 * HOUR_SECONDS, deployments: 8, failed: 1 }),
    row('sparse', { changes: 3, leadP50: HOUR_SECONDS, leadP90: HOUR_SECONDS, deployments: 2 }),
    row('silent', {}),
  ];
  const spread = new Map(summarizeServiceSpread(rows).map((metric) => [metric.key, metric]));

  it('grades only services with enough samples, worst score first, and counts the rest', () => {
    const lead = spread.get('leadTime')!;
    expect(lead.graded.map((point) => point.service)).toEqual(['slow', 'middling', 'fast']);
    expect(lead.tooFew).toEqual(['sparse']);
    expect(lead.noData).toBe(1);
    for (const point of lead.graded) expect(point.score).toBe(pickMetricScore(rows.find((r) => r.service === point.service)!, 'leadTime').score);
  });

  it('takes the median of the graded services, not of every service', () => {
    const lead = spread.get('leadTime')!;
    expect(lead.medianScore).toBe(lead.graded[1]!.score);
    const failures = spread.get('changeFailureRate')!;
    // 20 deployments is the minimum: "middling" (8) and "sparse" (2) are too few; two graded, median between them.
    expect(failures.graded.map((point) => point.service)).toEqual(['slow', 'fast']);
    expect(failures.tooFew.sort()).toEqual(['middling', 'sparse']);
    expect(failures.medianScore).toBeCloseTo((failures.graded[0]!.score + failures.graded[1]!.score) / 2, 10);
  });

  it('orders services sharing a (bucketed) score by their figure, worst first', () => {
    const tied = summarizeServiceSpread([
      row('quick', { changes: 20, leadP50: 2 * 24 * HOUR_SECONDS, leadP90: 3 * 24 * HOUR_SECONDS }),
      row('slower', { changes: 20, leadP50: 5 * 24 * HOUR_SECONDS, leadP90: 6 * 24 * HOUR_SECONDS }),
    ]).find((metric) => metric.key === 'leadTime')!;
    expect(tied.graded[0]!.score).toBe(tied.graded[1]!.score);
    expect(tied.graded.map((point) => point.service)).toEqual(['slower', 'quick']);
  });

  it('has no median when no service has enough samples', () => {
    expect(spread.get('recoveryTime')!.graded).toEqual([]);
    expect(spread.get('recoveryTime')!.medianScore).toBeNull();
  });
});

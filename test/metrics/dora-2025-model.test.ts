import { describe, expect, it } from 'vitest';
import { computeDora2025, type ShownFigures } from '../../lib/metrics/compute-dora-2025';
import { computeQuickCheckAnswer } from '../../lib/metrics/compute-quick-check-answer';
import { computeQuickCheckScores, scoreQuickCheckAnswer } from '../../lib/metrics/compute-quick-check-scores';
import industry from '../../lib/metrics/benchmarks/dora-2025-industry.json';
import size from '../../lib/metrics/benchmarks/dora-2025-organization-size.json';
import { BENCHMARK_GROUP_IDS, getBenchmarkGroup } from '../../lib/metrics/get-benchmark-group';
import { DAY_SECONDS, HOUR_SECONDS } from '../../lib/format/time-units';


describe('Quick Check scoring (dora-team/dora.dev svelte/quick-check/src/lib/data-service.test.ts)', () => {
  it('scores answers as the Quick Check: 1..6 → 0..10, 0..100 % → 10..0', () => {
    expect([1, 6, 3.5].map((answer) => scoreQuickCheckAnswer('leadTime', answer))).toEqual([0, 10, 5]);
    expect([0, 100, 50].map((answer) => scoreQuickCheckAnswer('changeFailureRate', answer))).toEqual([10, 0, 5]);
  });

  it('reproduces the Quick Check test: best answers give 10 overall, 10 throughput and 10 stability', () => {
    const scores = computeQuickCheckScores({ leadTime: 6, deploymentFrequency: 6, recoveryTime: 6, changeFailureRate: 0, reworkRate: 0 });
    expect(scores).toEqual({
      metrics: { leadTime: 10, deploymentFrequency: 10, recoveryTime: 10, changeFailureRate: 10, reworkRate: 10 },
      throughput: 10,
      stability: 10,
      overall: 10,
    });
  });

  it('reproduces the Quick Check test of the 2025 benchmarks: CFR 8.1, rework 7.8, stability 7.9, overall 6.72', () => {
    const all = getBenchmarkGroup('industry:all').stats;
    expect(all.changeFailureRate.mean).toBeCloseTo(8.1);
    expect(all.reworkRate.mean).toBeCloseTo(7.8);
    expect(all.stability.mean).toBeCloseTo(7.9);
    expect(all.overall.mean).toBeCloseTo(6.72);
  });

  it('means the scores of mixed answers as the Quick Check does', () => {
    const scores = computeQuickCheckScores({ leadTime: 4, deploymentFrequency: 5, recoveryTime: 5, changeFailureRate: 12, reworkRate: 30 });
    expect(scores.throughput).toBeCloseTo((6 + 8 + 8) / 3, 3);
    expect(scores.stability).toBeCloseTo((8.8 + 7) / 2, 3);
    expect(scores.overall).toBeCloseTo((6 + 8 + 8 + 8.8 + 7) / 5, 3);
  });
});

describe('survey answers from figures', () => {
  it('puts durations in the survey answer they fall in', () => {
    const answers = [HOUR_SECONDS - 1, HOUR_SECONDS, DAY_SECONDS - 1, DAY_SECONDS, 7 * DAY_SECONDS, 30 * DAY_SECONDS, 180 * DAY_SECONDS].map((v) => computeQuickCheckAnswer('leadTime', v)?.answer);
    expect(answers).toEqual([6, 5, 5, 4, 3, 2, 1]);
    expect(computeQuickCheckAnswer('recoveryTime', 3.2 * HOUR_SECONDS)).toEqual({ answer: 5, label: 'Less than one day' });
  });

  it('grades deployment frequency from the deploys per day shown, so 1 and 1.1 a day agree', () => {
    const answers = [3, 2, 1.1, 1, 0.5, 1 / 7, 0.1, 1 / 30, 0.01, 0.001].map((v) => computeQuickCheckAnswer('deploymentFrequency', v)?.answer);
    expect(answers).toEqual([6, 6, 5, 5, 4, 4, 3, 3, 2, 1]);
  });

  it('keeps a rate as the percentage the survey asks for', () => {
    expect(computeQuickCheckAnswer('changeFailureRate', 0.0877)).toEqual({ answer: 8.77, label: '8.77 % of deployments' });
    expect(computeQuickCheckAnswer('reworkRate', null)).toBeNull();
  });
});

describe('2025 benchmarks', () => {
  it('names its source and edition in every file', () => {
    for (const file of [industry, size]) {
      expect(file.edition).toBe('2025');
      expect(file.source).toContain('dora-team/dora.dev');
    }
  });

  it('finds the organization-size file reversed on recovery time and corrects it', () => {
    // The two "all" rows describe the same respondents: every other key agrees, recovery time is 10 − the other.
    const keys = ['leadTime', 'deploymentFrequency', 'changeFailureRate', 'reworkRate', 'instability'] as const;
    for (const key of keys) expect(size.groups.all[key]).toEqual(industry.groups.all[key]);
    expect(size.groups.all.recoveryTime[0]! + industry.groups.all.recoveryTime[0]!).toBeCloseTo(10);
    expect(getBenchmarkGroup('size:all').stats.recoveryTime.mean).toBeCloseTo(getBenchmarkGroup('industry:all').stats.recoveryTime.mean);
  });

  it('recomputes the overall mean, which the files give on another scale (4.3 against the metrics’ 6.72)', () => {
    expect(industry.groups.all.overall[0]).toBe(4.3);
    for (const id of BENCHMARK_GROUP_IDS) {
      const { stats } = getBenchmarkGroup(id);
      const mean = (stats.leadTime.mean + stats.deploymentFrequency.mean + stats.recoveryTime.mean + stats.changeFailureRate.mean + stats.reworkRate.mean) / 5;
      expect(stats.overall.mean).toBeCloseTo(mean, 2);
    }
  });

  it('refuses an unknown group, naming the known ones', () => {
    expect(() => getBenchmarkGroup('industry:shipping')).toThrow(/Unknown benchmark group/);
  });
});

describe('the 2025 model of shown figures', () => {
  const figures = (overrides: Partial<ShownFigures> = {}): ShownFigures => ({
    deploymentFrequency: { deployments: 57, perDay: 0.626 },
    leadTime: { changes: 130, p50Seconds: 151_200 },
    changeFailureRate: { deployments: 57, rate: 0.0877 },
    recoveryTime: { recovered: 4, p50Seconds: 20_400 },
    reworkRate: { deployments: 57, rate: 0.0526 },
    ...overrides,
  });

  it('scores each metric, leaves a small sample out with a note, and places the scope in its benchmark group', () => {
    const model = computeDora2025(figures(), getBenchmarkGroup('industry:all'));
    const { throughput, instability } = model.factors;
    expect(throughput.metrics.deploymentFrequency).toEqual({ bucket: { answer: 4, label: 'Once per day to once per week' }, score: 6 });
    expect(throughput.metrics.leadTime.score).toBe(6);
    expect(instability.metrics.changeFailureRate.score).toBe(9.123);
    expect(throughput.metrics.recoveryTime).toEqual({ bucket: null, score: null });
    expect(model.notes).toEqual(['Recovery time: not enough data (n = 4 recoveries; minimum 5)']);
    expect(throughput.scored).toBe(2);
    expect(throughput.score).toBe(6);
    expect(model.factors.instability.stabilityScore).toBeCloseTo((9.123 + 9.474) / 2, 3);
    expect(model.benchmark.position.leadTime).toEqual({ score: 6, mean: 5.5, std: 2.4, z: 0.21 });
    expect(model.samples.changeFailureRate).toEqual({ n: 57, minimum: 20, enough: true });
  });

  it('gives no score at all without data, and no note for metrics with no samples', () => {
    const empty = figures({
      deploymentFrequency: { deployments: 0, perDay: null },
      leadTime: { changes: 0, p50Seconds: null },
      changeFailureRate: { deployments: 0, rate: null },
      recoveryTime: { recovered: 0, p50Seconds: null },
      reworkRate: { deployments: 0, rate: null },
    });
    const model = computeDora2025(empty, getBenchmarkGroup('industry:all'));
    expect(model.overall).toBeNull();
    expect(model.benchmark.position.overall).toBeNull();
    expect(model.notes).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { computeCluster2024 } from '../../lib/metrics/compute-cluster-2024';
import { computeDeploymentFrequencyTier } from '../../lib/metrics/compute-deployment-frequency-tier';
import { computeSeriesBuckets } from '../../lib/metrics/compute-series-buckets';
import { computeTier2023 } from '../../lib/metrics/compute-tier-2023';
import { DORA_2024_CLUSTERS } from '../../lib/metrics/dora-2024-clusters';
import { formatDeployFrequency } from '../../lib/metrics/format-deploy-frequency';
import { formatRate } from '../../lib/metrics/format-rate';
import { formatSeconds } from '../../lib/metrics/format-seconds';
import { formatTier } from '../../lib/metrics/format-tier';
import { getDefaultWindow } from '../../lib/metrics/get-default-window';
import { parseMetricsQuery } from '../../lib/metrics/parse-metrics-query';
import { DAY_SECONDS, HOUR_SECONDS } from '../../lib/format/time-units';


describe('DORA 2023 bands', () => {
  it('puts each bound where the report does: durations exclusive, failure rates inclusive', () => {
    expect(
      [DAY_SECONDS - 1, DAY_SECONDS, 7 * DAY_SECONDS - 1, 7 * DAY_SECONDS, 30 * DAY_SECONDS - 1, 30 * DAY_SECONDS].map((v) => computeTier2023('leadTime', v)),
    ).toEqual(['elite', 'high', 'high', 'medium', 'medium', 'low']);
    expect([HOUR_SECONDS - 1, HOUR_SECONDS, DAY_SECONDS, 7 * DAY_SECONDS].map((v) => computeTier2023('recoveryTime', v))).toEqual([
      'elite',
      'high',
      'medium',
      'low',
    ]);
    expect([0, 0.05, 0.0501, 0.1, 0.15, 0.1501, 0.64].map((v) => computeTier2023('changeFailureRate', v))).toEqual([
      'elite',
      'elite',
      'high',
      'high',
      'medium',
      'low',
      'low',
    ]);
    expect(computeTier2023('leadTime', null)).toBeNull();
  });

  it('grades deployment frequency by median deployment days', () => {
    expect(computeDeploymentFrequencyTier({ weekMedian: 5, monthMedian: 22 })).toBe('elite');
    expect(computeDeploymentFrequencyTier({ weekMedian: 4.5, monthMedian: 20 })).toBe('high');
    expect(computeDeploymentFrequencyTier({ weekMedian: 1, monthMedian: 4 })).toBe('high');
    expect(computeDeploymentFrequencyTier({ weekMedian: 0.5, monthMedian: 1 })).toBe('medium');
    expect(computeDeploymentFrequencyTier({ weekMedian: 0, monthMedian: 0.5 })).toBe('low');
    expect(computeDeploymentFrequencyTier({ weekMedian: 0, monthMedian: null })).toBe('low');
    expect(computeDeploymentFrequencyTier({ weekMedian: null, monthMedian: null })).toBeNull();
  });
});

describe('DORA 2024 clusters', () => {
  it('classifies each profile as itself, and a profile moved towards another as that one', () => {
    for (const profile of DORA_2024_CLUSTERS.profiles) {
      const { tier, ...keys } = profile;
      expect(computeCluster2024(keys)).toBe(tier);
    }
  });

  it('separates high from medium by the change failure rate where the other keys sit between them', () => {
    // Deploys every other day, 3 days of lead time, 4 h recovery: between high and medium on frequency and lead time.
    const between = { deploysPerDay: 0.16, leadTimeSeconds: 4 * DAY_SECONDS, recoveryTimeSeconds: 4 * HOUR_SECONDS };
    expect(computeCluster2024({ ...between, changeFailureRate: 0.22 })).toBe('high');
    expect(computeCluster2024({ ...between, changeFailureRate: 0.08 })).toBe('medium');
  });

  it('uses the keys that have values, and none without any', () => {
    expect(
      computeCluster2024({
        deploysPerDay: 5,
        leadTimeSeconds: null,
        changeFailureRate: null,
        recoveryTimeSeconds: null,
      }),
    ).toBe('elite');
    expect(
      computeCluster2024({
        deploysPerDay: 0.01,
        leadTimeSeconds: 90 * DAY_SECONDS,
        changeFailureRate: 0.45,
        recoveryTimeSeconds: null,
      }),
    ).toBe('low');
    expect(
      computeCluster2024({
        deploysPerDay: null,
        leadTimeSeconds: null,
        changeFailureRate: null,
        recoveryTimeSeconds: null,
      }),
    ).toBeNull();
    // A 0 s lead time is "as fast as it gets", not an error.
    expect(
      computeCluster2024({ deploysPerDay: 3, leadTimeSeconds: 0, changeFailureRate: 0, recoveryTimeSeconds: 0 }),
    ).toBe('elite');
  });

  it('names its source and version', () => {
    expect(DORA_2024_CLUSTERS).toMatchObject({
      version: '2024',
      source: expect.stringContaining('State of DevOps Report 2024'),
    });
  });
});

describe('formatting for people', () => {
  it('formats figures as the dashboard shows them', () => {
    expect([2.4, 1, 0.5, 0.626, 1 / 7, 0.05, 0.01].map(formatDeployFrequency)).toEqual([
      '2.4 deploys/day',
      '1 deploy/day',
      '3.5 deploys/week',
      '4.4 deploys/week',
      '1 deploy/week',
      '1.5 deploys/month',
      '0.3 deploys/month',
    ]);
    expect([null, 40, 720, 19 * HOUR_SECONDS, 36 * HOUR_SECONDS + 1800, 3.5 * DAY_SECONDS, 45 * DAY_SECONDS].map(formatSeconds)).toEqual([
      '—',
      '40 s',
      '12 min',
      '19 h',
      '37 h',
      '3.5 days',
      '45 days',
    ]);
    expect([0.0877, 0.0526, 0, 1, null].map(formatRate)).toEqual(['8.8 %', '5.3 %', '0 %', '100 %', '—']);
    expect(formatTier('elite')).toBe('Elite');
    expect(formatTier(null)).toBe('No data');
  });
});

describe('windows and buckets', () => {
  it('defaults to whole UTC days ending at the next midnight', () => {
    expect(getDefaultWindow({ now: new Date('2026-11-21T15:30:00Z'), days: 90 })).toEqual({
      from: new Date('2026-08-24T00:00:00Z'),
      to: new Date('2026-11-22T00:00:00Z'),
    });
  });

  it('splits a window into clipped ISO weeks and calendar months that add up to it', () => {
    const window = { from: new Date('2026-01-28T12:00:00Z'), to: new Date('2026-03-03T00:00:00Z') };
    expect(
      computeSeriesBuckets(window, 'month').map((b) => [b.from.toISOString(), b.to.toISOString(), b.partial]),
    ).toEqual([
      ['2026-01-28T12:00:00.000Z', '2026-02-01T00:00:00.000Z', true],
      ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', false],
      ['2026-03-01T00:00:00.000Z', '2026-03-03T00:00:00.000Z', true],
    ]);
    const weeks = computeSeriesBuckets(window, 'week');
    expect(weeks[0]).toEqual({ from: window.from, to: new Date('2026-02-02T00:00:00Z'), partial: true });
    expect(weeks.slice(1, -1).every((b) => !b.partial && b.from.getUTCDay() === 1)).toBe(true);
    expect(weeks.at(-1)!.to).toEqual(window.to);
  });

  it('parses the query: scope, dates (date-only is UTC midnight), and defaults', () => {
    expect(parseMetricsQuery({ team: 'core', from: '2026-02-02', to: '2026-05-04T00:00:00+02:00' })).toEqual({
      scope: { team: 'core' },
      window: { from: new Date('2026-02-02T00:00:00Z'), to: new Date('2026-05-03T22:00:00Z') },
      settings: {},
    });
    const org = parseMetricsQuery({});
    expect(org.scope).toEqual({ org: true });
    expect(org.window).toEqual(getDefaultWindow());
    // Only `to`: the default length, ending there.
    expect(parseMetricsQuery({ to: '2026-05-04' }, []).window.from).toEqual(new Date('2026-02-03T00:00:00Z'));
    expect(parseMetricsQuery({ bucket: 'month', limit: '20' }, ['bucket', 'limit'])).toMatchObject({
      bucket: 'month',
      limit: 20,
    });
  });
});

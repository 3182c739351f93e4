import { DORA_2023_BANDS } from '@/lib/metrics/compute-tier-2023';
import type { DoraSeries } from '@/lib/metrics/get-dora-series';
import { formatDeployFrequency } from '@/lib/metrics/format-deploy-frequency';
import { formatRate } from '@/lib/metrics/format-rate';
import { formatSeconds } from '@/lib/metrics/format-seconds';
import type { ChartPoint, TierBand } from '../charts/chart-types';
import { computeNiceTicks } from '../charts/compute-nice-ticks';
import { formatCount } from '@/lib/format/format-count';
import type { DoraMetricKey } from './dora-figures';
import { DAY_SECONDS, HOUR_SECONDS } from '@/lib/format/time-units';

type SeriesPoint = DoraSeries['points'][number];

type TrendMetric = {
  key: DoraMetricKey;
  title: string;
  sampleLabel: string;
  value: (point: SeriesPoint) => number | null;
  samples: (point: SeriesPoint) => number;
  samplesText: (point: SeriesPoint) => string;
  display: (value: number | null) => string;
  /** The y axis: title and the divisor from the figure's own unit (seconds, 0..1) to the axis unit. */
  axis: (max: number) => { label: string; divisor: number; cap?: number };
  /** Tier bands in the figure's own unit; none for rework rate (DORA gives it no bands). */
  bands: { tier: TierBand['tier']; from: number; to: number }[];
};

const durationAxis = (name: string) => (maxSeconds: number) => (maxSeconds > 3 * DAY_SECONDS ? { label: `${name} (days)`, divisor: DAY_SECONDS } : { label: `${name} (hours)`, divisor: HOUR_SECONDS });
const percentAxis = (name: string) => () => ({ label: `${name} (%)`, divisor: 0.01, cap: 100 });

/** 2023 bands of a "lower is better" figure: elite below the first bound, low above the last. */
const lowerIsBetterBands = (bounds: { elite: number; high: number; medium: number }) => [
  { tier: 'elite' as const, from: 0, to: bounds.elite },
  { tier: 'high' as const, from: bounds.elite, to: bounds.high },
  { tier: 'medium' as const, from: bounds.high, to: bounds.medium },
  { tier: 'low' as const, from: bounds.medium, to: Number.MAX_SAFE_INTEGER },
];

export const TREND_METRICS: TrendMetric[] = [
  {
    key: 'deploymentFrequency',
    title: 'Deployment frequency',
    sampleLabel: 'deployments',
    value: (point) => point.deploymentFrequency.perDay,
    samples: (point) => point.deploymentFrequency.deployments,
    samplesText: (point) => formatCount(point.deploymentFrequency.deployments, 'deployment'),
    display: formatDeployFrequency,
    axis: () => ({ label: 'Deploys per day', divisor: 1 }),
    // The report's wording: on demand (several a day), daily to weekly, weekly to monthly, less than monthly.
    bands: [
      { tier: 'low', from: 0, to: 1 / 30 },
      { tier: 'medium', from: 1 / 30, to: 1 / 7 },
      { tier: 'high', from: 1 / 7, to: 1 },
      { tier: 'elite', from: 1, to: Number.MAX_SAFE_INTEGER },
    ],
  },
  {
    key: 'leadTime',
    title: 'Lead time for changes (median)',
    sampleLabel: 'changes',
    value: (point) => point.leadTime.p50Seconds,
    samples: (point) => point.leadTime.changes,
    samplesText: (point) => `median of ${formatCount(point.leadTime.changes, 'change')}`,
    display: formatSeconds,
    axis: durationAxis('Lead time'),
    bands: lowerIsBetterBands(DORA_2023_BANDS.leadTime),
  },
  {
    key: 'changeFailureRate',
    title: 'Change failure rate',
    sampleLabel: 'deployments',
    value: (point) => point.changeFailureRate.rate,
    samples: (point) => point.changeFailureRate.deployments,
    samplesText: (point) => `${point.changeFailureRate.failed} failed of ${formatCount(point.changeFailureRate.deployments, 'deployment')}`,
    display: formatRate,
    axis: percentAxis('Failed deployments'),
    bands: lowerIsBetterBands(DORA_2023_BANDS.changeFailureRate),
  },
  {
    key: 'recoveryTime',
    title: 'Failed deployment recovery time (median)',
    sampleLabel: 'recoveries',
    value: (point) => point.recoveryTime.p50Seconds,
    samples: (point) => point.recoveryTime.recovered,
    samplesText: (point) => `median of ${formatCount(point.recoveryTime.recovered, 'recovery', 'recoveries')}`,
    display: formatSeconds,
    axis: durationAxis('Recovery time'),
    bands: lowerIsBetterBands(DORA_2023_BANDS.recoveryTime),
  },
  {
    key: 'reworkRate',
    title: 'Rework rate',
    sampleLabel: 'deployments',
    value: (point) => point.reworkRate.rate,
    samples: (point) => point.reworkRate.deployments,
    samplesText: (point) => `${point.reworkRate.rework} unplanned of ${formatCount(point.reworkRate.deployments, 'deployment')}`,
    display: formatRate,
    axis: percentAxis('Rework'),
    bands: [],
  },
];

const TIER_LABELS: Record<TierBand['tier'], string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

const LABEL = {
  week: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
};

/** Bucket start as the x-axis label: "17 Nov" for a week (Monday), "Nov 2026" for a month. */
const bucketLabel = (point: SeriesPoint, bucket: DoraSeries['bucket']) => LABEL[bucket].format(new Date(point.window.from));

/** One metric of a series as chart-ready points in the axis unit (figure / divisor). */
const toPoints = (metric: TrendMetric, series: DoraSeries, divisor: number) =>
  series.points.map((point): ChartPoint => {
    const value = metric.value(point);
    return {
      label: bucketLabel(point, series.bucket),
      value: value === null ? null : value / divisor,
      display: metric.display(value),
      samples: metric.samples(point),
      samplesText: metric.samplesText(point),
      partial: point.partial,
    };
  });

/** The axis of one metric over several series: nice ticks up to the largest value of any (percentages end at 100). */
const toAxis = (metric: TrendMetric, series: DoraSeries[]) => {
  const max = Math.max(0, ...series.flatMap((one) => one.points.map((point) => metric.value(point) ?? 0)));
  const { label, divisor, cap } = metric.axis(max);
  return { yLabel: label, divisor, axis: computeNiceTicks(max / divisor, { cap }) };
};

/**
 * One metric of a series as chart-ready points in the axis unit, its nice-tick axis (percentages end at 100), the
 * axis title, and the 2023 bands that fall inside the axis: the legend names only what is drawn.
 */
export const toTrend = (metric: TrendMetric, series: DoraSeries) => {
  const { yLabel, divisor, axis } = toAxis(metric, [series]);
  const bands: TierBand[] = metric.bands
    .map((band) => ({ tier: band.tier, label: TIER_LABELS[band.tier], from: band.from / divisor, to: band.to / divisor }))
    .filter((band) => band.from < axis.top);
  return { yLabel, axis, bands, points: toPoints(metric, series, divisor) };
};

/** One metric of several teams' series on one shared axis, for drawing them side by side. */
export const toTeamComparison = (metric: TrendMetric, byTeam: Map<string, DoraSeries>) => {
  const { yLabel, divisor, axis } = toAxis(metric, [...byTeam.values()]);
  return { yLabel, axis, teams: [...byTeam].map(([team, series]) => ({ team, points: toPoints(metric, series, divisor) })) };
};

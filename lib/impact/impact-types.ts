/** One service's delivery events, as the adoption analysis needs them (times in epoch milliseconds). */
export type ServiceSamples = {
  service: string;
  /** Per change shipped: when its deployment finished, and its lead time. */
  leadTimes: ReadonlyArray<{ at: number; seconds: number }>;
  /** Per counted deployment: when it finished, and whether it failed. */
  deployments: ReadonlyArray<{ at: number; failed: boolean }>;
  /** Per failed deployment that recovered: when it finished, and how long recovery took. */
  recoveries: ReadonlyArray<{ at: number; seconds: number }>;
};

export const IMPACT_METRICS = ['leadTimeP50Seconds', 'deploymentsPerServiceDay', 'changeFailureRate', 'recoveryTimeP50Seconds'] as const;
export type ImpactMetric = (typeof IMPACT_METRICS)[number];

/** Which way is better: lead and recovery times should fall, deployment frequency rise, failures fall. */
export const BETTER_WHEN: Record<ImpactMetric, 'lower' | 'higher'> = {
  leadTimeP50Seconds: 'lower',
  deploymentsPerServiceDay: 'higher',
  changeFailureRate: 'lower',
  recoveryTimeP50Seconds: 'lower',
};

export type Verdict = 'improved' | 'worsened' | 'no_clear_effect' | 'not_enough_data';

export type Interval = { estimate: number; low: number; high: number };

export type EffectEstimate = {
  metric: ImpactMetric;
  verdict: Verdict;
  /** Why there is no estimate, when verdict is not_enough_data. */
  reason: string | null;
  /** Difference (treated − comparison; for before/after, the difference in differences) with its 95 % interval. */
  effect: Interval | null;
  /** The figures being compared, for display. */
  figures: Record<string, number | null>;
  /** Services and events behind each figure. */
  samples: Record<string, number>;
};

export type ImpactOptions = {
  /** Bootstrap resamples; more is steadier and slower. */
  iterations: number;
  seed: number;
  /** Below these, a figure is "not enough data" rather than a guess. */
  minServices: number;
  minEvents: number;
};

export const DEFAULT_IMPACT_OPTIONS: ImpactOptions = { iterations: 600, seed: 20261121, minServices: 3, minEvents: 10 };

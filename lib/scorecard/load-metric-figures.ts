import type { Executor } from '../db/client';
import type { Standards } from './standards-schema';
import type { MetricFigures } from './scorecard-types';

export type LoadMetricFiguresOptions = { db: Executor; standards: Standards; services: string[]; asOf: Date };

/**
 * DORA figures per service and window length, for the standards' `metric` rules.
 * Until the metrics engine (lib/metrics) lands, no figures are available and metric checks are `unknown`.
 */
export const loadMetricFigures = async (_options: LoadMetricFiguresOptions): Promise<Map<string, Record<number, MetricFigures | null>>> => new Map();

import { getDataQualityNotes, type DataQualityNote } from './get-data-quality-notes';
import { getDoraMetrics, type GetDoraMetricsOptions } from './get-dora-metrics';
import { getDefaultWindow } from './get-default-window';
import type { DoraMetrics } from './metrics-types';

/** What `GET /api/metrics` and `waymark metrics --json` answer: the figures and their data-quality notes. */
export type MetricsAnswer = DoraMetrics & { dataQuality: DataQualityNote[] };

export const getMetricsAnswer = async (options: GetDoraMetricsOptions): Promise<MetricsAnswer> => {
  const window = options.window ?? getDefaultWindow();
  const [metrics, dataQuality] = await Promise.all([
    getDoraMetrics({ ...options, window }),
    getDataQualityNotes({ db: options.db, scope: options.scope, window, settings: options.settings }),
  ]);
  return { ...metrics, dataQuality };
};

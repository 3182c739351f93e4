import { getConfig } from '../config/load-config';
import type { MetricsSettings } from './metrics-types';

/** The configured metric settings, with any given ones taking precedence (tests and what-if views inject them). */
export const getMetricsSettings = (overrides: Partial<MetricsSettings> = {}): MetricsSettings => {
  const { productionEnvironmentPattern, attributionWindowHours, reworkLabels, teamOwners } = getConfig().metrics;
  return { productionEnvironmentPattern, attributionWindowHours, reworkLabels, teamOwners, ...overrides };
};

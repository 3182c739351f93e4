import { getConfig } from '../config/load-config';
import { getBenchmarkGroup } from './get-benchmark-group';
import type { DoraModelOptions, Edition } from './metrics-types';

/** The edition and benchmark group of a request, each defaulting to the configuration (`metrics.edition`, `metrics.benchmark`). */
export const resolveDoraModel = ({ edition, benchmark }: { edition?: Edition; benchmark?: string } = {}): DoraModelOptions => {
  const configured = getConfig().metrics;
  return { edition: edition ?? configured.edition, benchmark: getBenchmarkGroup(benchmark ?? configured.benchmark) };
};

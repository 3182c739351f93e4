import { AppError } from '../errors';
import industry from './benchmarks/dora-2025-industry.json';
import size from './benchmarks/dora-2025-organization-size.json';
import { MODEL_METRICS, type ModelMetricKey } from './dora-2025-model';

export type BenchmarkKey = ModelMetricKey | 'throughput' | 'stability' | 'overall';
export type BenchmarkStat = { mean: number; std: number };
export type BenchmarkGroup = { id: string; name: string; edition: '2025'; source: string; stats: Record<BenchmarkKey, BenchmarkStat> };

type Published = { name: string } & Record<ModelMetricKey | 'throughput' | 'instability' | 'overall', [number, number]>;
type BenchmarkFile = { edition: string; source: string; groups: Record<string, Published> };

const FILES: Record<'industry' | 'size', BenchmarkFile> = { industry, size } as unknown as Record<'industry' | 'size', BenchmarkFile>;

const round2 = (value: number) => Math.round(value * 100) / 100;
const stat = ([mean, std]: [number, number]): BenchmarkStat => ({ mean, std });
const flip = ([mean, std]: [number, number]): BenchmarkStat => ({ mean: round2(10 - mean), std });

/** Every benchmark group id: `industry:<key>` and `size:<key>` ("all" is all respondents). */
export const BENCHMARK_GROUP_IDS = (['industry', 'size'] as const).flatMap((kind) => Object.keys(FILES[kind].groups).map((key) => `${kind}:${key}`));

/**
 * A 2025 benchmark group on the Quick Check's score scale (10 best for every key), from the published files with the
 * Quick Check's own transformation (`DataService.transformMetrics`): change failure, rework and instability are
 * turned to 10 − value; the overall mean is recomputed as the mean of the five metric means. One correction of
 * Waymark's own: the organization-size file gives recovery time on the reversed scale (its "all" row is 2.6 where
 * the industry file's identical "all" row is 7.4), so it is turned to 10 − value too (METRICS.md, "Benchmarks").
 */
export const getBenchmarkGroup = (id: string): BenchmarkGroup => {
  const [kind, key] = id.split(':') as ['industry' | 'size', string | undefined];
  const file = FILES[kind];
  const published = file && key !== undefined ? file.groups[key] : undefined;
  if (!published) throw new AppError('VALIDATION_FAILED', `Unknown benchmark group "${id}"`, { details: [`benchmark: must be one of ${BENCHMARK_GROUP_IDS.join(', ')}`] });
  const metrics = {
    leadTime: stat(published.leadTime),
    deploymentFrequency: stat(published.deploymentFrequency),
    recoveryTime: kind === 'size' ? flip(published.recoveryTime) : stat(published.recoveryTime),
    changeFailureRate: flip(published.changeFailureRate),
    reworkRate: flip(published.reworkRate),
  };
  const overallMean = round2(MODEL_METRICS.reduce((sum, metric) => sum + metrics[metric].mean, 0) / MODEL_METRICS.length);
  return {
    id,
    name: published.name,
    edition: '2025',
    source: file.source,
    stats: { ...metrics, throughput: stat(published.throughput), stability: flip(published.instability), overall: { mean: overallMean, std: published.overall[1] } },
  };
};

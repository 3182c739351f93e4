import { sql } from 'drizzle-orm';
import { buildDoraCtes } from './build-dora-ctes';
import { getMetricsSettings } from './get-metrics-settings';
import type { ScopedMetricsRead } from './metrics-types';
import { getRollupUsable } from './get-rollup-usable';
import { runMetricsQuery } from './run-metrics-query';
import { validateMetricsRequest } from './validate-metrics-request';

/** A service's events behind the DORA figures, compactly (times in epoch milliseconds). */
export type ServiceMetricSamples = {
  service: string;
  /** One per change first shipped in the window: when its deployment finished, and its lead time. */
  leadTimes: { at: number; seconds: number }[];
  /** One per counted deployment in the window, with whether it failed. */
  deployments: { at: number; failed: boolean }[];
  /** One per failed deployment that recovered, with its recovery time. */
  recoveries: { at: number; seconds: number }[];
};

type Row = { kind: 'change' | 'deployment'; service: string; at: number; seconds: number | null; failed: boolean | null };

/**
 * Every sample behind the lead-time, deployment-frequency, change-failure and recovery figures of a scope and window,
 * per service and sorted by time, from the same definitions as getDoraMetrics. For analyses that resample events
 * (lib/impact) rather than show a page of them (the drill-down lists).
 */
export const listMetricSamples = async ({ db, scope, window, settings }: ScopedMetricsRead): Promise<Map<string, ServiceMetricSamples>> => {
  await validateMetricsRequest(db, { scope, window });
  const resolved = getMetricsSettings(settings);
  const useRollup = await getRollupUsable(db, resolved);
  const rows = await runMetricsQuery<Row>(
    db,
    sql`${buildDoraCtes({ scope, windows: [window], groupBy: 'scope', settings: resolved, useRollup })}
select 'change' as kind, f.service, (extract(epoch from f.finished_at) * 1000)::float8 as at, f.lead_seconds as seconds, null::boolean as failed
from first_shipped f where f.lead_seconds >= 0
union all
select 'deployment', o.service, (extract(epoch from o.finished_at) * 1000)::float8,
       case when o.failed and o.recovered_at >= o.finished_at then extract(epoch from o.recovered_at - o.finished_at)::float8 end, o.failed
from outcomes o
order by at`,
  );
  const byService = new Map<string, ServiceMetricSamples>();
  for (const row of rows) {
    let samples = byService.get(row.service);
    if (!samples) byService.set(row.service, (samples = { service: row.service, leadTimes: [], deployments: [], recoveries: [] }));
    if (row.kind === 'change') samples.leadTimes.push({ at: row.at, seconds: row.seconds! });
    else {
      samples.deployments.push({ at: row.at, failed: row.failed! });
      if (row.seconds !== null) samples.recoveries.push({ at: row.at, seconds: row.seconds });
    }
  }
  return byService;
};

import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import { getDoraSeries } from '@/lib/metrics/get-dora-series';
import type { MetricsScope } from '@/lib/metrics/metrics-types';

/**
 * One series query per request however many widgets chart it: React's request-scoped cache, keyed by primitives
 * (the scope as JSON, the window as epoch milliseconds).
 */
const getSeriesByKey = cache(async (scopeKey: string, fromMs: number, toMs: number, bucket: 'week' | 'month') =>
  getDoraSeries({ db: await getDb(), scope: JSON.parse(scopeKey) as MetricsScope, window: { from: new Date(fromMs), to: new Date(toMs) }, bucket }),
);

export const getCachedSeries = ({ scope, window, bucket }: { scope: MetricsScope; window: { from: Date; to: Date }; bucket: 'week' | 'month' }) =>
  getSeriesByKey(JSON.stringify(scope), window.from.getTime(), window.to.getTime(), bucket);

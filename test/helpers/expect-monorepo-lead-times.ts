import { expect } from 'vitest';
import type { Db } from '../../lib/db/client';
import { getDoraMetrics } from '../../lib/metrics/get-dora-metrics';

/**
 * The hand-computed figures of the monorepo history the git and GitHub tests both build (three days of a shop with
 * checkout and search folders): whichever source read it, the services' lead times must be these.
 */
export const expectMonorepoLeadTimes = async (db: Db) => {
  const window = { from: new Date('2025-12-31T00:00:00Z'), to: new Date('2026-01-10T00:00:00Z') };
  const settings = { productionEnvironmentPattern: '^(prod|production)$', attributionWindowHours: 168 };
  const metricsOf = (service: string) => getDoraMetrics({ db, scope: { service }, window, settings });
  // checkout: c1 0 h, c5 24 h, c2 72 h: p50 24 h; p90 at rank 1.8 = 24 + 0.8 × 48 = 62.4 h.
  expect((await metricsOf('checkout')).leadTime).toMatchObject({
    changes: 3,
    p50Seconds: 24 * 3600,
    p90Seconds: 62.4 * 3600,
  });
  // search: c1 0 h, c5 6 h, c4 54 h: p50 6 h; p90 = 6 + 0.8 × 48 = 44.4 h.
  expect((await metricsOf('search')).leadTime).toMatchObject({
    changes: 3,
    p50Seconds: 6 * 3600,
    p90Seconds: 44.4 * 3600,
  });
  return metricsOf;
};

import { getDeploymentSpan } from '@/lib/catalog/get-deployment-span';
import { getDb } from '@/lib/db/client';
import type { MetricsScope, MetricsWindow } from '@/lib/metrics/metrics-types';
import { toWindow, type DashboardFilters } from './read-filters';
import { DAY_MS } from '@/lib/format/time-units';


/**
 * The window of a page's filters, with its length in days (what "previous N days" compares with). Only "all time"
 * reads the database: it starts at the scope's first deployment.
 */
export const resolveWindow = async (filters: DashboardFilters, scope: MetricsScope): Promise<{ window: MetricsWindow; days: number }> => {
  const first = filters.all ? (await getDeploymentSpan({ db: await getDb(), scope })).first : null;
  const window = toWindow(filters, new Date(), first);
  return { window, days: Math.round((window.to.getTime() - window.from.getTime()) / DAY_MS) };
};

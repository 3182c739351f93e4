import { getConfig } from '../config/load-config';
import type { MetricsWindow } from './metrics-types';
import { DAY_MS } from '../format/time-units';


/**
 * The last `days` whole UTC days including today: `to` is the next UTC midnight, so the window does not shift with
 * the minute a page is loaded and today's deployments are already in it.
 */
export const getDefaultWindow = ({ now = new Date(), days = getConfig().metrics.defaultWindowDays }: { now?: Date; days?: number } = {}): MetricsWindow => {
  const to = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS + DAY_MS);
  return { from: new Date(to.getTime() - days * DAY_MS), to };
};

import { getConfig } from '../config/load-config';
import { getStandards } from '../scorecard/get-standards';
import type { Standards } from '../scorecard/standards-schema';
import { formatDay, type ImpactRequest } from './load-impact-inputs';

/** The before/after windows the Impact page offers, the default first: the analyses kept ready. */
export const STORED_IMPACT_WINDOWS = [30, 14, 60] as const;

export const IMPACT_KIND = 'impact';
const HISTORY_DAYS = 180;

/**
 * The stored analysis a request is answered by, named by its inputs (window, cohort and history days, the UTC day,
 * the standards' revision), or null when the request asks for something not kept ready (one check is answered from
 * the full analysis; other history lengths, bootstrap options or standards are not).
 */
export const describeStoredImpact = ({
  windowDays = 30,
  cohortDays = getConfig().metrics.defaultWindowDays,
  historyDays = HISTORY_DAYS,
  now = new Date(),
  standards,
  options,
}: Omit<ImpactRequest, 'db' | 'check'>): string | null => {
  const current: Standards = getStandards();
  if ((standards && standards.revision !== current.revision) || options !== undefined) return null;
  if (!(STORED_IMPACT_WINDOWS as readonly number[]).includes(windowDays) || historyDays !== HISTORY_DAYS) return null;
  return JSON.stringify({ windowDays, cohortDays, historyDays, day: formatDay(now.getTime()), standards: current.revision });
};

import { CHECK_STATUSES, type CheckStatus } from './scorecard-types';

export type StatusCounts = Record<CheckStatus, number>;

/** How many of each status, every status present (zero when absent). */
export const countStatuses = (statuses: Iterable<string>): StatusCounts => {
  const counts = Object.fromEntries(CHECK_STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const status of statuses) if (status in counts) counts[status as CheckStatus]++;
  return counts;
};

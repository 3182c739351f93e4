import { DAY_SECONDS } from '@/lib/format/time-units';
const UNITS: [limitSeconds: number, divisor: number, unit: string][] = [
  [60, 1, 's'],
  [3600, 60, 'min'],
  [DAY_SECONDS, 3600, 'h'],
  [DAY_SECONDS * 60, DAY_SECONDS, 'days'],
  [Infinity, DAY_SECONDS * 30, 'months'],
];

/** "just now", "12 min ago", "3 h ago", "5 days ago": how long ago, at the precision a person needs. */
export const formatRelativeTime = (at: Date, now = new Date()) => {
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  if (seconds < 0) return 'in the future';
  if (seconds < 45) return 'just now';
  for (const [limit, divisor, unit] of UNITS) {
    if (seconds < limit) {
      const value = Math.round(seconds / divisor);
      return `${value} ${value === 1 && unit === 'days' ? 'day' : value === 1 && unit === 'months' ? 'month' : unit} ago`;
    }
  }
  return 'long ago';
};

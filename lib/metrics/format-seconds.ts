import { formatNumber } from './format-number';
import { DAY_SECONDS } from '../format/time-units';

/** A duration for people: "40 s", "12 min", "19 h", "3.5 days"; "—" without data. Hours up to 2 days, then days. */
export const formatSeconds = (seconds: number | null) => {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${formatNumber(seconds / 3600)} h`;
  return `${formatNumber(seconds / DAY_SECONDS)} days`;
};

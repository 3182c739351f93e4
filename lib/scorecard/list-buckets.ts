import { AppError } from '../errors';
import { formatDay } from './format-day';
import { DAY_MS } from '../format/time-units';

export type Bucket = 'day' | 'week' | 'month';
export const BUCKETS: readonly Bucket[] = ['day', 'week', 'month'];


/** The first day of the bucket a day falls in: itself, its ISO week's Monday (as SQL date_trunc), or the 1st. */
const startOfBucket = (day: string, bucket: Bucket) => {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  return formatDay(new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS));
};

const nextStart = (start: string, bucket: Bucket) => {
  const date = new Date(`${start}T00:00:00Z`);
  if (bucket === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCDate(date.getUTCDate() + (bucket === 'week' ? 7 : 1));
  return formatDay(date);
};

/**
 * Every bucket from the one `from` falls in to the one `to` falls in, with its first and last day (the last no
 * later than `to`), so charts get empty buckets too.
 */
export const listBuckets = (from: string, to: string, bucket: Bucket) => {
  if (!BUCKETS.includes(bucket)) throw new AppError('USAGE', `bucket: expected one of ${BUCKETS.join(', ')}`);
  const out: { start: string; end: string }[] = [];
  for (let start = startOfBucket(from, bucket); start <= to; ) {
    const next = nextStart(start, bucket);
    const end = formatDay(new Date(Date.parse(`${next}T00:00:00Z`) - DAY_MS));
    out.push({ start, end: end < to ? end : to });
    start = next;
  }
  return out;
};

import { formatDay } from './format-day';

export type Bucket = 'day' | 'week' | 'month';
export const BUCKETS: readonly Bucket[] = ['day', 'week', 'month'];

const DAY_MS = 86_400_000;

/** The first day of the bucket a day falls in: itself, its ISO week's Monday (as SQL date_trunc), or the 1st. */
const startOfBucket = (day: string, bucket: Bucket) => {
  if (bucket === 'day') return day;
  if (bucket === 'month') return `${day.slice(0, 7)}-01`;
  const date = new Date(`${day}T00:00:00Z`);
  return formatDay(new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS));
};

/** Every bucket start from the bucket of `from` to the bucket of `to`, so charts get empty buckets too. */
export const listBuckets = (from: string, to: string, bucket: Bucket) => {
  const out: string[] = [];
  for (let day = startOfBucket(from, bucket); day <= to; ) {
    out.push(day);
    const date = new Date(`${day}T00:00:00Z`);
    if (bucket === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
    else date.setUTCDate(date.getUTCDate() + (bucket === 'week' ? 7 : 1));
    day = formatDay(date);
  }
  return out;
};

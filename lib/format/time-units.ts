/** Milliseconds in an hour, a UTC day and a week: the one set of time units (the older per-file constants move here). */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

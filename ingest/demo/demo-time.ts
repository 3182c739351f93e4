export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** Times in the demo's records: ISO 8601 in UTC. */
export const iso = (ms: number) => new Date(ms).toISOString();

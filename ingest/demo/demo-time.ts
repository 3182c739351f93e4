/** Times in the demo's records: ISO 8601 in UTC. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** An instant as the API shows it: ISO 8601 in UTC, without milliseconds when they are zero ("2026-02-02T00:00:00Z"). */
export const formatWindowInstant = (date: Date) => date.toISOString().replace('.000Z', 'Z');

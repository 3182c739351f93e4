import type { EventInput } from '../../ingest/sources/events/event-input';

/** Records as an NDJSON file would give them: positioned by line number, starting at 1. */
export const asLines = (records: unknown[]): EventInput[] => records.map((value, index) => ({ position: `line ${index + 1}`, value }));

export const toNdjson = (records: unknown[]) => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;

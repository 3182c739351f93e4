import type { Db } from '../db/client';

type Counts = { inserted: number; updated: number; unchanged: number };

/** What `POST /api/events` hands to the events source, and what it answers with. */
export type EventsRequestImport = (request: {
  db: Db;
  body: string;
  contentType: string;
  /** The id namespace (`?source=`). */
  source: string;
  /** The run record's scope, e.g. `http:<actor>`. */
  scope: string;
}) => Promise<Counts & { records: number; byKind: Record<string, Counts> }>;

// Route handlers are bundled apart from the code that starts the server; they meet on globalThis, like the webhook
// receivers (lib/webhooks/webhook-receiver.ts), because app/ and lib/ may not import ingest/.
const globalForImport = globalThis as unknown as { waymarkEventsRequestImport?: EventsRequestImport };

/** Makes the events source's import reachable from `POST /api/events`; the server registers it at start. */
export const registerEventsRequestImport = (importRequest: EventsRequestImport) => {
  globalForImport.waymarkEventsRequestImport = importRequest;
};

/** The registered events import, or null before the server registered one. */
export const findEventsRequestImport = (): EventsRequestImport | null => globalForImport.waymarkEventsRequestImport ?? null;

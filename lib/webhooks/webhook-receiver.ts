import type { Db } from '../db/client';

/** A delivery's identity and subject, read from its headers and payload by the source that sent it. */
export type WebhookIdentity = { event: string; deliveryId: string; action: string | null; scope: string | null };

/** Why a request is refused before anything is stored (counted in rejected_requests by `reason`). */
export type WebhookRefusal = { status: 400 | 401 | 403 | 503; reason: string; message: string };

/**
 * What a source tells the generic receiver (`receiveWebhook`) about its deliveries. Each source defines one in its
 * own folder (`ingest/sources/<source>/*-webhook-receiver.ts`) and the server registers it at start, so lib/ and
 * app/ hold nothing source-specific and never import ingest/.
 */
export type WebhookReceiver = {
  source: string;
  /**
   * The path deliveries are received at, when it is not `/api/webhooks/<source>` (CDEvents: `/api/events/cdevents`,
   * as the sender is an API client): the generic webhook route then refuses the source, so each has one way in.
   */
  endpoint?: string;
  /** Bodies may be JSON arrays (a batch the receiver validates as a whole in `identify`), not only objects. */
  acceptsArrays?: boolean;
  /** The job that normalizes a stored delivery (data: `{ deliveryId }`). */
  job: string;
  /** Refuses every delivery (503) while the source's webhook secret is not configured; checked before reading. */
  checkConfigured: () => WebhookRefusal | null;
  /**
   * Checks the request's credentials over the exact bytes received; null when it may be stored. A source whose
   * senders hold a Waymark API token (CDEvents) looks it up in the database it is given.
   */
  authenticate: (headers: Headers, body: Buffer, db: Db) => WebhookRefusal | null | Promise<WebhookRefusal | null>;
  /** The delivery's identity, or a refusal when the headers a delivery must carry are missing. */
  identify: (headers: Headers, payload: unknown) => WebhookIdentity | WebhookRefusal;
  /** Events that are normalized; the others are acknowledged and ignored. */
  handles: (event: string) => boolean;
  /** Events that only test the hook (answered, stored as processed, nothing to normalize). */
  isPing?: (event: string) => boolean;
};

// Route handlers are bundled apart from the code that starts the server; they meet on globalThis, like the database.
const globalForReceivers = globalThis as unknown as { waymarkWebhookReceivers?: Map<string, WebhookReceiver> };

const receivers = () => (globalForReceivers.waymarkWebhookReceivers ??= new Map());

/** Makes a source's deliveries receivable at `/api/webhooks/<source>`. */
export const registerWebhookReceiver = (receiver: WebhookReceiver) => {
  receivers().set(receiver.source, receiver);
};

/** The path a receiver's deliveries come to. */
export const endpointOf = (receiver: WebhookReceiver) => receiver.endpoint ?? `/api/webhooks/${receiver.source}`;

/** The registered receiver of a source, if any. */
export const findWebhookReceiver = (source: string): WebhookReceiver | null => receivers().get(source) ?? null;

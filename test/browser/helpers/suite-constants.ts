/** The demo organization's seed: the same organization on every run. */
export const DEMO_SEED = 7;
/** Lets the ingest-status test send a signed webhook delivery (and a badly signed one, which is refused). */
export const WEBHOOK_SECRET = 'browser-test-webhook-secret';

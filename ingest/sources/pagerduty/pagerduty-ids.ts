/** The source name of PagerDuty rows, raw payloads, cursors and webhook deliveries. */
export const PAGERDUTY_SOURCE = 'pagerduty';

/**
 * Raw payload kinds: incidents keyed by incident id (scope: their PagerDuty service), log entries by entry id (scope:
 * their incident).
 */
export const PAGERDUTY_KINDS = { incident: 'incident', logEntry: 'log_entry' } as const;

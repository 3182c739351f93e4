import { stableHash } from '../../../lib/domain/stable-hash';
import { JOB_NAMES } from '../../../lib/jobs/job-queue';
import { formatFieldPath } from '../../../lib/validation/format-field-path';
import { authenticateApiToken } from '../../../lib/webhooks/authenticate-api-token';
import type { WebhookReceiver } from '../../../lib/webhooks/webhook-receiver';
import { OTEL_SOURCE } from './normalize-otel-span';
import { ZOtlpTraces } from './otlp-schema';

/**
 * OTLP/HTTP JSON trace exports at `/api/webhooks/otel`: point an OpenTelemetry exporter's traces URL here with an
 * API token header (scope events:write). Exports carry no id; one is the hash of the content, so an exporter's retry of the same batch is a
 * duplicate. A body that is not OTLP JSON traces is refused (400) with the field named before anything is stored.
 */
export const createOtelWebhookReceiver = (): WebhookReceiver => ({
  source: OTEL_SOURCE,
  job: JOB_NAMES.otelWebhook,
  checkConfigured: () => null,
  // An exporter writes events: the token needs events:write, as for /api/events and CDEvents.
  authenticate: (headers, _body, db) => authenticateApiToken(headers, db, 'events:write'),
  identify: (_headers, payload) => {
    const result = ZOtlpTraces.safeParse(payload);
    if (!result.success) {
      const [issue] = result.error.issues;
      return {
        status: 400,
        reason: 'invalid-traces',
        message: `not OTLP JSON traces: ${formatFieldPath(issue!.path) || '(body)'}: ${issue!.message}`,
      };
    }
    return {
      event: 'traces',
      deliveryId: `${OTEL_SOURCE}:${stableHash(payload).slice(0, 40)}`,
      action: null,
      scope: null,
    };
  },
  handles: (event) => event === 'traces',
});

import { registerEventsRequestImport } from '../../lib/pipeline/events-request-import';
import { registerWebhookReceiver } from '../../lib/webhooks/webhook-receiver';
import { createCdeventsWebhookReceiver } from './cdevents/create-cdevents-webhook-receiver';
import { importEventsRequest } from './events/import-events-request';
import { createGithubWebhookReceiver } from './github/create-github-webhook-receiver';
import { createGitlabWebhookReceiver } from './gitlab/create-gitlab-webhook-receiver';
import { createIncidentIoWebhookReceiver } from './incident-io/create-incident-io-webhook-receiver';
import { createOtelWebhookReceiver } from './otel/create-otel-webhook-receiver';
import { createPagerdutyWebhookReceiver } from './pagerduty/create-pagerduty-webhook-receiver';

/**
 * Makes the sources reachable from the HTTP routes, which may not import ingest/: every source's webhook receiver
 * and the events import of `POST /api/events`. The server (instrumentation.ts) calls it once at start.
 */
export const registerSources = () => {
  registerWebhookReceiver(createGithubWebhookReceiver());
  registerWebhookReceiver(createGitlabWebhookReceiver());
  registerWebhookReceiver(createPagerdutyWebhookReceiver());
  registerWebhookReceiver(createIncidentIoWebhookReceiver());
  registerWebhookReceiver(createCdeventsWebhookReceiver());
  registerWebhookReceiver(createOtelWebhookReceiver());
  registerEventsRequestImport(importEventsRequest);
};

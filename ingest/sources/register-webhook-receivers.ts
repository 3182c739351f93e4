import { registerWebhookReceiver } from '../../lib/webhooks/webhook-receiver';
import { createCdeventsWebhookReceiver } from './cdevents/create-cdevents-webhook-receiver';
import { createGithubWebhookReceiver } from './github/create-github-webhook-receiver';
import { createGitlabWebhookReceiver } from './gitlab/create-gitlab-webhook-receiver';
import { createIncidentIoWebhookReceiver } from './incident-io/create-incident-io-webhook-receiver';
import { createOtelWebhookReceiver } from './otel/create-otel-webhook-receiver';
import { createPagerdutyWebhookReceiver } from './pagerduty/create-pagerduty-webhook-receiver';

/** Makes every source's webhook deliveries receivable; the server (instrumentation.ts) calls it once at start. */
export const registerWebhookReceivers = () => {
  registerWebhookReceiver(createGithubWebhookReceiver());
  registerWebhookReceiver(createGitlabWebhookReceiver());
  registerWebhookReceiver(createPagerdutyWebhookReceiver());
  registerWebhookReceiver(createIncidentIoWebhookReceiver());
  registerWebhookReceiver(createCdeventsWebhookReceiver());
  registerWebhookReceiver(createOtelWebhookReceiver());
};

import { handleWebhookRequest } from '@/lib/webhooks/handle-webhook-request';

export const dynamic = 'force-dynamic';

/**
 * CDEvents from CI/CD systems: one CloudEvent (binary or structured mode) or a batch, with an API token
 * (events:write). Validated, stored and answered 202; the worker writes the domain rows (README, "CDEvents").
 */
export async function POST(request: Request) {
  return handleWebhookRequest('cdevents', request, '/api/events/cdevents');
}

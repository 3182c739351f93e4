import { handleWebhookRequest } from '@/lib/webhooks/handle-webhook-request';

export const dynamic = 'force-dynamic';

/** Webhook deliveries of a forge (github, gitlab); each source's receiver authenticates and identifies them. */
export async function POST(request: Request, { params }: { params: Promise<{ source: string }> }) {
  return handleWebhookRequest((await params).source, request);
}

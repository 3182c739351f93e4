import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

export const WEBHOOK_SECRET = 'test-webhook-secret';

type Definition = { name: string; examples: Record<string, unknown>[] };
export const WEBHOOK_EXAMPLES = createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as Definition[];

export const examplesOf = (event: string) => structuredClone(WEBHOOK_EXAMPLES.find((definition) => definition.name === event)!.examples);

export const sign = (body: string | Buffer, secret = WEBHOOK_SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A delivery as GitHub sends it: the exact bytes signed, with the event and delivery headers. */
export const webhookRequest = (event: string, payload: unknown, { secret = WEBHOOK_SECRET, delivery = randomUUID() as string, headers = {} as Record<string, string>, body = undefined as string | undefined } = {}) => {
  const bytes = body ?? JSON.stringify(payload);
  return new Request('http://localhost/api/webhooks/github', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/test',
      'x-github-event': event,
      'x-github-delivery': delivery,
      'x-hub-signature-256': sign(bytes, secret),
      ...headers,
    },
    body: bytes,
  });
};

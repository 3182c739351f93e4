import { POST } from '../../app/api/webhooks/[source]/route';
import { registerSources } from '../../ingest/sources/register-sources';

// What instrumentation.ts does when the server starts.
registerSources();

/** A delivery through the real route handler, as Next calls it for `/api/webhooks/<source>`. */
export const postWebhook = (source: string, request: Request) => POST(request, { params: Promise.resolve({ source }) });

import { verifyApiToken } from '../auth/verify-api-token';
import type { Db } from '../db/client';
import type { WebhookRefusal } from './webhook-receiver';

/**
 * For sources whose senders are Waymark API clients (CDEvents, OpenTelemetry exporters) rather than a service that
 * signs its deliveries: `Authorization: Bearer <token>`, as for `/api/events`.
 */
export const authenticateApiToken = async (headers: Headers, db: Db): Promise<WebhookRefusal | null> =>
  (await verifyApiToken(db, headers.get('authorization')))
    ? null
    : {
        status: 401,
        reason: 'bad-token',
        message:
          'A valid API token is required: Authorization: Bearer <token> ' +
          '(create one with `npx waymark token create <name>`)',
      };

import type { TokenScope } from '../auth/roles';
import { verifyApiToken } from '../auth/verify-api-token';
import type { Db } from '../db/client';
import type { WebhookRefusal } from './webhook-receiver';

/**
 * For sources whose senders are Waymark API clients (CDEvents, OpenTelemetry exporters) rather than a service that
 * signs its deliveries: `Authorization: Bearer <token>`, as for `/api/events`, and, when given, the scope it needs
 * (403 without it, as `/api/events` answers).
 */
export const authenticateApiToken = async (
  headers: Headers,
  db: Db,
  scope?: TokenScope,
): Promise<WebhookRefusal | null> => {
  const token = await verifyApiToken(db, headers.get('authorization'));
  if (token && scope && !token.scopes.includes(scope))
    return { status: 403, reason: 'token-scope', message: `This token lacks the ${scope} scope` };
  return token
    ? null
    : {
        status: 401,
        reason: 'bad-token',
        message:
          'A valid API token is required: Authorization: Bearer <token> ' +
          '(create one with `npx waymark token create <name>`)',
      };
};

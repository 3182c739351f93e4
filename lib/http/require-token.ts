import { verifyApiToken, type VerifiedToken } from '../auth/verify-api-token';
import { getConfig } from '../config/load-config';
import type { Executor } from '../db/client';
import { jsonResponse } from './json-response';

const unauthorized = () =>
  jsonResponse(
    { error: 'A valid API token is required: Authorization: Bearer <token> (create one with `npx waymark token create <name>`)', code: 'UNAUTHORIZED' },
    401,
    { 'www-authenticate': 'Bearer realm="waymark"' },
  );

/** Every write endpoint starts here: a Response (401) to return at once, or the caller's token. */
export const requireWriteToken = async (db: Executor, request: Request): Promise<VerifiedToken | Response> =>
  (await verifyApiToken(db, request.headers.get('authorization'))) ?? unauthorized();

/** Reads are open unless `server.requireReadToken` is on (for installs not behind a single sign-on proxy). */
export const requireReadAccess = async (db: Executor, request: Request): Promise<Response | null> => {
  if (!getConfig().server.requireReadToken) return null;
  return (await verifyApiToken(db, request.headers.get('authorization'))) ? null : unauthorized();
};

import { eq } from 'drizzle-orm';
import { apiTokens } from '../db/schema';
import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { TOKEN_SCOPES } from './roles';
import { generateToken, hashSecret } from './token-format';

const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

export type CreateApiTokenOptions = {
  /** What it may do (default: every scope, as tokens had before scopes existed). */
  scopes?: readonly string[];
  /** Who made it: a signed-in user's subject, or `cli`. */
  owner?: string | null;
  /** When it stops working; never when null. */
  expiresAt?: Date | null;
};

/** Creates a token. The returned `token` is the only copy that will ever exist: print it once. */
export const createApiToken = async (db: Executor, name: string, { scopes = TOKEN_SCOPES, owner = null, expiresAt = null }: CreateApiTokenOptions = {}) => {
  if (!TOKEN_NAME.test(name)) {
    throw new AppError('USAGE', `name: "${name}" is not a valid token name (letters, digits, space, . _ -; at most 100)`);
  }
  const unknown = scopes.filter((scope) => !(TOKEN_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0 || scopes.length === 0) throw new AppError('USAGE', `scopes: expected one or more of ${TOKEN_SCOPES.join(', ')}${unknown.length > 0 ? `; not ${unknown.join(', ')}` : ''}`);
  const [existing] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.name, name));
  if (existing) throw new AppError('USAGE', `name: a token named "${name}" already exists; revoke it or choose another name`);
  const { id, secret, token } = generateToken();
  await db.insert(apiTokens).values({ id, name, secretHash: hashSecret(secret), scopes: [...new Set(scopes)], owner, expiresAt });
  return { id, name, token, scopes: [...new Set(scopes)], expiresAt };
};

import { eq } from 'drizzle-orm';
import { apiTokens } from '../db/schema';
import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { generateToken, hashSecret } from './token-format';

const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

/** Creates a token. The returned `token` is the only copy that will ever exist: print it once. */
export const createApiToken = async (db: Executor, name: string) => {
  if (!TOKEN_NAME.test(name)) {
    throw new AppError('USAGE', `name: "${name}" is not a valid token name (letters, digits, space, . _ -; at most 100)`);
  }
  const [existing] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.name, name));
  if (existing) throw new AppError('USAGE', `name: a token named "${name}" already exists; revoke it or choose another name`);
  const { id, secret, token } = generateToken();
  await db.insert(apiTokens).values({ id, name, secretHash: hashSecret(secret) });
  return { id, name, token };
};

import { and, eq, isNull, or } from 'drizzle-orm';
import { apiTokens } from '../db/schema';
import type { Executor } from '../db/client';
import { AppError } from '../errors';

/** Revokes a token by name or id; it stops working at once. */
export const revokeApiToken = async (db: Executor, nameOrId: string) => {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(or(eq(apiTokens.name, nameOrId), eq(apiTokens.id, nameOrId)), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  if (revoked.length === 0) throw new AppError('NOT_FOUND', `No active token named "${nameOrId}"`);
  return revoked[0]!;
};

import { timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { apiTokens } from '../db/schema';
import type { Executor } from '../db/client';
import { hashSecret, parseToken } from './token-format';

export type VerifiedToken = { id: string; name: string; scopes: string[] };

/** Checks an `Authorization: Bearer …` header; null for a missing, malformed, unknown, expired or revoked token. */
export const verifyApiToken = async (db: Executor, authorization: string | null | undefined, now = new Date()): Promise<VerifiedToken | null> => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const parsed = match ? parseToken(match[1]!) : null;
  if (!parsed) return null;
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, secretHash: apiTokens.secretHash, scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, parsed.id), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
  if (!row) return null;
  const given = Buffer.from(hashSecret(parsed.secret), 'hex');
  const stored = Buffer.from(row.secretHash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return { id: row.id, name: row.name, scopes: row.scopes };
};

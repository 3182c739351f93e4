import { asc } from 'drizzle-orm';
import { apiTokens } from '../db/schema';
import type { Executor } from '../db/client';

/** Tokens without their secrets: name, id, scopes, owner, when created, expiring, last used and revoked. */
export const listApiTokens = (db: Executor) =>
  db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      owner: apiTokens.owner,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(asc(apiTokens.createdAt));
